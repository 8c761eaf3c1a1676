using DlCourse.Optimization;
using MathNet.Numerics.LinearAlgebra;

namespace DlCourse.Tests.Optimization;

public class NewtonTests
{
    [Fact]
    public void One_step_solves_a_quadratic()
    {
        // f(θ) = ½θᵀAθ − bᵀθ with A = [[3, 1], [1, 2]], b = (1, 1): the minimum A⁻¹b = (1/5, 2/5).
        var a = Matrix<double>.Build.DenseOfArray(new double[,] { { 3, 1 }, { 1, 2 } });
        var b = Vector<double>.Build.DenseOfArray([1.0, 1.0]);
        double[] Gradient(double[] theta) => (a * Vector<double>.Build.DenseOfArray(theta) - b).ToArray();
        var theta = Newton.Minimize(Gradient, _ => a, start: [7, -3], steps: 1);
        Assert.Equal(0.2, theta[0], 12);
        Assert.Equal(0.4, theta[1], 12);
        Assert.Equal([7.0, -3.0], Newton.Minimize(Gradient, _ => a, start: [7, -3], steps: 0));
    }

    [Fact]
    public void Converges_on_a_smooth_convex_function_and_reports_divergence()
    {
        // f(w) = cosh(w − 1): f′ = sinh(w − 1), f″ = cosh(w − 1), minimum at w = 1.
        var w = Newton.Minimize(p => [Math.Sinh(p[0] - 1)], p => Matrix<double>.Build.Dense(1, 1, Math.Cosh(p[0] - 1)), start: [2], steps: 20);
        Assert.Equal(1, w[0], 12);
        Assert.Throws<ArithmeticException>(() => Newton.Minimize(p => [1.0], _ => Matrix<double>.Build.Dense(1, 1, 0.0), start: [0], steps: 1));
        Assert.Throws<ArgumentOutOfRangeException>(() => Newton.Minimize(p => p, _ => Matrix<double>.Build.Dense(1, 1, 1.0), start: [0], steps: -1));
    }
}
