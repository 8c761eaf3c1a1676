using MathNet.Numerics.LinearAlgebra;

namespace DlCourse.Derivations;

/// <summary>Central-difference derivatives: ∂f/∂x_i ≈ (f(x + h e_i) − f(x − h e_i)) / 2h, error O(h²) plus rounding ~ ε|f|/h.</summary>
public static class FiniteDifferences
{
    /// <summary>h = 1e-5 balances the O(h²) truncation error against rounding in double precision (both ≈ 1e-10 for well-scaled f).</summary>
    public const double DefaultStep = 1e-5;

    /// <summary>The numerical derivative f'(x) of f: ℝ → ℝ, e.g. a curvature as the derivative of a slope.</summary>
    public static double Derivative(Func<double, double> f, double x, double step = DefaultStep)
    {
        ArgumentNullException.ThrowIfNull(f);
        if (!(step > 0)) throw new ArgumentOutOfRangeException(nameof(step), step, "the step must be > 0");
        return (f(x + step) - f(x - step)) / (2 * step);
    }

    /// <summary>The numerical gradient of f: ℝⁿ → ℝ at x.</summary>
    public static double[] Gradient(Func<double[], double> f, double[] x, double step = DefaultStep)
    {
        ArgumentNullException.ThrowIfNull(f);
        var probe = (double[])x.Clone();
        var g = new double[x.Length];
        for (int i = 0; i < x.Length; i++)
        {
            probe[i] = x[i] + step;
            double plus = f(probe);
            probe[i] = x[i] - step;
            double minus = f(probe);
            probe[i] = x[i];
            g[i] = (plus - minus) / (2 * step);
        }
        return g;
    }

    /// <summary>The numerical m×n Jacobian J[k, i] = ∂f_k/∂x_i of f: ℝⁿ → ℝᵐ at x.</summary>
    public static Matrix<double> Jacobian(Func<double[], double[]> f, double[] x, double step = DefaultStep)
    {
        ArgumentNullException.ThrowIfNull(f);
        var probe = (double[])x.Clone();
        Matrix<double>? j = null;
        for (int i = 0; i < x.Length; i++)
        {
            probe[i] = x[i] + step;
            double[] plus = f(probe);
            probe[i] = x[i] - step;
            double[] minus = f(probe);
            probe[i] = x[i];
            if (plus.Length != minus.Length) throw new ArgumentException("f returned outputs of different lengths for nearby inputs.", nameof(f));
            j ??= Matrix<double>.Build.Dense(plus.Length, x.Length);
            for (int k = 0; k < plus.Length; k++) j[k, i] = (plus[k] - minus[k]) / (2 * step);
        }
        return j ?? Matrix<double>.Build.Dense(f(x).Length, 0);
    }

    /// <summary>The numerical Hessian of f: ℝⁿ → ℝ, as the Jacobian of its numerical gradient, symmetrised. A larger step (1e-4) keeps rounding in check.</summary>
    public static Matrix<double> Hessian(Func<double[], double> f, double[] x, double step = 1e-4)
    {
        var h = Jacobian(p => Gradient(f, p, step), x, step);
        return (h + h.Transpose()) / 2;
    }
}
