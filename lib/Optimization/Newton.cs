using MathNet.Numerics.LinearAlgebra;

namespace DlCourse.Optimization;

/// <summary>Newton's method for a smooth convex function: θ ← θ − H(θ)⁻¹ ∇f(θ), in double precision.</summary>
public static class Newton
{
    /// <summary>θ after <paramref name="steps"/> Newton steps from <paramref name="start"/>; near a minimum with a positive definite Hessian each step squares the error.</summary>
    public static double[] Minimize(Func<double[], double[]> gradient, Func<double[], Matrix<double>> hessian, double[] start, int steps)
    {
        ArgumentNullException.ThrowIfNull(gradient);
        ArgumentNullException.ThrowIfNull(hessian);
        ArgumentNullException.ThrowIfNull(start);
        ArgumentOutOfRangeException.ThrowIfNegative(steps);
        var theta = Vector<double>.Build.DenseOfArray(start);
        for (int step = 0; step < steps; step++)
        {
            var p = theta.ToArray();
            theta -= hessian(p).Solve(Vector<double>.Build.DenseOfArray(gradient(p)));
            if (theta.Any(v => !double.IsFinite(v)))
                throw new ArithmeticException($"Newton's method diverged at step {step + 1} (a singular or indefinite Hessian?).");
        }
        return theta.ToArray();
    }
}
