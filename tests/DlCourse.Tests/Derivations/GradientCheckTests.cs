using DlCourse.Derivations;
using DlCourse.Numerics;
using DlCourse.Tests.Numerics;
using MathNet.Numerics.LinearAlgebra;

namespace DlCourse.Tests.Derivations;

public class GradientCheckTests
{
    [Fact]
    public void Passes_a_correct_gradient_of_a_known_function()
    {
        // f(x) = Σ sin(x_i) x_i², ∂f/∂x_i = cos(x_i) x_i² + 2 x_i sin(x_i)
        double[] x = [0.3, -1.2, 2.0];
        var analytic = x.Select(v => Math.Cos(v) * v * v + 2 * v * Math.Sin(v)).ToArray();
        var check = GradientCheck.Run(p => p.Sum(v => Math.Sin(v) * v * v), x, analytic);
        Assert.True(check.Passed, check.ToString());
        Assert.Equal(3, check.Entries.Count);
        Assert.True(check.MaxAbsError < 1e-8);
    }

    [Fact]
    public void Fails_the_wrong_softmax_cross_entropy_gradient_y_times_yhat()
    {
        var rng = new Random(31);
        var z = TestData.Normal(rng, 4, 2);
        var y = OneHot.Vector(1, 4);
        var p = StableSoftmax.Apply(z);
        var wrong = y.Select((yk, k) => yk * p[k]).ToArray();
        var check = GradientCheck.Run(v => CrossEntropyWithLogits.Value(v, y), z, wrong);
        Assert.False(check.Passed);
        Assert.True(check.MaxRelError > 0.1, check.ToString());
        // The sign error −(ŷ − y) fails too.
        Assert.False(GradientCheck.Run(v => CrossEntropyWithLogits.Value(v, y), z, p.Select((pk, k) => y[k] - pk).ToArray()).Passed);
    }

    [Fact]
    public void Relative_error_is_absolute_near_zero_and_relative_for_large_entries()
    {
        var check = GradientCheck.Run(p => 1000 * p[0] + 0 * p[1], [1.0, 1.0], [1001.0, 1e-9]);
        Assert.Equal(1.0 / 1001, check.Entries[0].RelError, 6);
        Assert.Equal(1e-9, check.Entries[1].RelError, 12);
        Assert.False(check.Passed);
        Assert.True(check.PassedAt(1e-2));
    }

    [Fact]
    public void A_nan_gradient_fails()
    {
        var check = GradientCheck.Run(p => p[0] * p[0], [1.0], [double.NaN]);
        Assert.False(check.Passed);
    }

    [Fact]
    public void Jacobian_check_fails_a_transposed_jacobian_and_rejects_a_wrong_shape()
    {
        // f(x) = A x has Jacobian A; Aᵀ is wrong.
        var a = Matrix<double>.Build.DenseOfArray(new double[,] { { 1, 2, 3 }, { 4, 5, 6 }, { 7, 8, 10 } });
        double[] f(double[] x) => (a * MathNet.Numerics.LinearAlgebra.Vector<double>.Build.Dense(x)).ToArray();
        Assert.True(JacobianCheck.Run(f, [1.0, 2, 3], a).Passed);
        Assert.False(JacobianCheck.Run(f, [1.0, 2, 3], a.Transpose()).Passed);
        var e = Assert.Throws<ArgumentException>(() => JacobianCheck.Run(f, [1.0, 2, 3], Matrix<double>.Build.Dense(2, 3)));
        Assert.Contains("3×3", e.Message);
    }

    [Fact]
    public void Numerical_hessian_of_a_quadratic_is_its_matrix()
    {
        // f(x) = ½ xᵀ A x with A symmetric has Hessian A.
        var a = Matrix<double>.Build.DenseOfArray(new double[,] { { 2, -1 }, { -1, 3 } });
        double f(double[] x) { var v = MathNet.Numerics.LinearAlgebra.Vector<double>.Build.Dense(x); return 0.5 * v * (a * v); }
        var h = FiniteDifferences.Hessian(f, [0.4, -0.7]);
        Assert.True((h - a).Enumerate().All(d => Math.Abs(d) < 1e-6));
    }

    [Fact]
    public void Display_shows_a_table_and_only_the_worst_rows_of_a_big_check()
    {
        var small = GradientCheck.Run(p => p[0] * p[1], [2.0, 3.0], [3.0, 2.0]);
        var html = DerivativeCheckDisplay.Html(small);
        Assert.Contains("<table>", html);
        Assert.Contains("∂f/∂x[1]", html);
        Assert.Contains("passed", html);

        var x = Enumerable.Range(0, 30).Select(i => (double)i).ToArray();
        var analytic = x.Select(v => 2 * v).ToArray();
        analytic[17] += 1; // one wrong entry
        var big = GradientCheck.Run(p => p.Sum(v => v * v), x, analytic);
        var bigHtml = DerivativeCheckDisplay.Html(big);
        Assert.Contains("10 worst of 30", bigHtml);
        Assert.Contains("∂f/∂x[17]", bigHtml);
        Assert.Contains("FAILED", bigHtml);
        Assert.Equal(10, bigHtml.Split("<tr>").Length - 2); // header row + 10 entries
        Assert.Contains("∂f/∂x[17]", DerivativeCheckDisplay.Text(big));
    }
}
