using DlCourse.Derivations;
using MathNet.Numerics.LinearAlgebra;

namespace DlCourse.Tests.Checks;

public class CheckTests
{
    private static void Fails(Action check, string? fragment = null)
    {
        var e = Assert.Throws<CheckFailedException>(check);
        if (fragment is not null) Assert.Contains(fragment, e.Message);
    }

    [Fact]
    public void Enumerable_max_skips_nan_which_is_why_check_exists()
    {
        // The motivating bug: a NaN entry disappears from .Max(), so a Zip(...).Max() comparison passes.
        Assert.Equal(0.5, new[] { 0.5, double.NaN, 0.1 }.Max());
        Assert.True(double.IsNaN(Check.MaxOf([0.5, double.NaN, 0.1])));
        Assert.Equal(0.5, Check.MaxOf([0.5, -1, 0.1]));
    }

    [Fact]
    public void Scalar_close_fails_on_nan_and_infinity_and_matches_infinities_exactly()
    {
        Check.Close(1.0 + 1e-13, 1.0, 1e-12, "close");
        Fails(() => Check.Close(1.1, 1.0, 1e-12, "far"));
        Fails(() => Check.Close(double.NaN, 1.0, 1e300, "nan"));
        Fails(() => Check.Close(double.PositiveInfinity, 1.0, double.PositiveInfinity, "inf vs finite"));
        Check.Close(double.NegativeInfinity, double.NegativeInfinity, 0, "−∞ = −∞");
        Fails(() => Check.Close(double.PositiveInfinity, double.NegativeInfinity, 0, "+∞ ≠ −∞"));
        Check.Close(1000.5, 1000, 0, "relative", relative: 1e-3);
        Fails(() => Check.Close(1002, 1000, 0, "relative too far", relative: 1e-3));
    }

    [Fact]
    public void Array_close_reports_the_worst_index_and_fails_on_a_single_nan()
    {
        double[] expected = [0.5, 0.2, 0.1];
        Check.Close([0.5, 0.2, 0.1 + 1e-15], expected, 1e-12, "equal");
        Fails(() => Check.Close([0.5, double.NaN, 0.1], expected, 1e-12, "one nan"), "worst at [1]");
        Fails(() => Check.Close([0.5, 0.2, double.PositiveInfinity], expected, 1e-12, "one inf"), "worst at [2]");
        Fails(() => Check.Close([0.5, 0.3, 0.11], expected, 1e-3, "two off"), "2 of 3 entries");
        Fails(() => Check.Close([0.5, 0.2], expected, 1, "short"), "2 entries");
        // The NaN is reported even when a finite entry is further off.
        Fails(() => Check.Close([9.0, double.NaN, 0.1], expected, 1e-12, "nan first"), "worst at [1]");
    }

    [Fact]
    public void Float_array_close_compares_in_double_and_fails_on_nan()
    {
        float[] expected = [0.5f, 0.2f, 0.1f];
        Check.Close([0.5f, 0.2f, 0.1f], expected, 0, "equal");
        Fails(() => Check.Close([0.5f, float.NaN, 0.1f], expected, 1e30, "one nan"), "worst at [1]");
        Fails(() => Check.Close([0.5f, 0.2f, 0.1001f], expected, 1e-5, "off"), "1 of 3 entries");
        Fails(() => Check.Close([0.5f], expected, 1, "short"), "1 entries");
    }

    [Fact]
    public void Matrix_close_and_zero_report_row_and_column_and_fail_on_nan()
    {
        var a = Matrix<double>.Build.DenseOfArray(new double[,] { { 1, 2 }, { 3, 4 } });
        Check.Close(a, a.Clone(), 0, "same");
        var b = a.Clone(); b[1, 0] = double.NaN;
        Fails(() => Check.Close(b, a, 1e9, "nan"), "worst at [1,0]");
        Fails(() => Check.Close(a, Matrix<double>.Build.Dense(2, 3), 1e9, "shape"), "2×3");
        Check.Zero(a - a, 0, "difference is zero");
        Fails(() => Check.Zero(b - a, 1e9, "nan difference"));
        Check.Zero([1e-16, -1e-16], 1e-15, "small");
        Fails(() => Check.Zero([0, double.NaN], 1, "nan"));
    }

    [Fact]
    public void Matrix_list_close_compares_every_entry_in_turn_and_fails_on_nan_and_shape()
    {
        var a = Matrix<double>.Build.DenseOfArray(new double[,] { { 1, 2 }, { 3, 4 } });
        var c = Matrix<double>.Build.DenseOfArray(new double[,] { { 5, 6, 7 } });
        Check.Close([a, c], [a.Clone(), c.Clone()], 0, "same");
        var b = c.Clone(); b[0, 2] = 7.5;
        // Column by column in turn: a's 4 entries, then c's; c[0, 2] is entry 4 + 2.
        Fails(() => Check.Close([a, b], [a, c], 0.1, "one off"), "1 of 7 entries out of tolerance; worst at [6]");
        b[0, 2] = double.NaN;
        Fails(() => Check.Close([a, b], [a, c], 1e9, "nan"), "worst at [6]");
        Fails(() => Check.Close([a, c], [a, c.Transpose()], 1e9, "shape"), "matrix [1] is 1×3, expected 3×1");
        Fails(() => Check.Close([a], [a, c], 1e9, "count"), "got 1 matrices, expected 2");
        Assert.Throws<ArgumentException>(() => Check.Close([a, null!], [a, c], 1, "null"));
    }

    [Fact]
    public void Integer_equal_and_sign()
    {
        Check.Equal(3, 3, "three");
        Fails(() => Check.Equal(3, 4, "four"));
        Check.Equal([1, 2, 3], [1, 2, 3], "labels");
        Fails(() => Check.Equal([1, 2, 3], [1, 5, 3], "labels"), "[1]");
        Check.Sign(-0.3, -1, "negative");
        Check.Sign(0.0, 0, "zero");
        Fails(() => Check.Sign(0.3, -1, "wrong sign"));
        Fails(() => Check.Sign(double.NaN, 1, "nan has no sign"));
        Check.Sign(double.PositiveInfinity, 1, "+∞ is positive");
    }

    [Fact]
    public void Bounds_fail_on_nan()
    {
        Check.AtMost(1, 1, "equal bound");
        Fails(() => Check.AtMost(double.NaN, 1, "nan"));
        Check.AtLeast(2, 1, "above");
        Fails(() => Check.AtLeast(double.NaN, 1, "nan"));
        Check.Less(1, 2, "less");
        Fails(() => Check.Less(2, 2, "not strictly"));
        Fails(() => Check.Less(double.NaN, 2, "nan"));
        Fails(() => Check.Less(1, double.NaN, "nan bound"));
        Check.AtMost([0.1, 0.5, 0.2], 0.5, "all at most");
        Fails(() => Check.AtMost([0.1, 0.6, 0.2], 0.5, "one above"), "[1]");
        Fails(() => Check.AtMost([0.1, double.NaN, 0.2], 0.5, "nan entry"), "[1]");
        Fails(() => Check.AtMost([double.NaN, 0.1], 0.5, "nan first"), "[0]");
        Check.AtLeast([0.5, 0.7, 0.9], 0.5, "all at least");
        Fails(() => Check.AtLeast([0.6, 0.4, 0.9], 0.5, "one below"), "[1]");
        Fails(() => Check.AtLeast([0.6, double.NaN, 0.9], 0.5, "nan entry"), "[1]");
    }

    [Fact]
    public void Monotone_sequences_fail_on_a_rise_on_nan_and_on_infinity()
    {
        Check.Decreasing([3, 2, 2, 1], "non-increasing");
        Fails(() => Check.Decreasing([3, 2, 2, 1], "strict", strict: true), "[1] → [2]");
        Fails(() => Check.Decreasing([3, 2, 2.5], "rise"), "[1] → [2]");
        Check.Decreasing([3, 2, 2 + 1e-13], "rise within slack", slack: 1e-12);
        Fails(() => Check.Decreasing([3, double.NaN, 1], "nan"), "[1]");
        Fails(() => Check.Decreasing([double.PositiveInfinity, 1], "inf"));
        Check.Increasing([1, 2, 3], "rising", strict: true);
        Fails(() => Check.Increasing([1, 3, 2], "falls"));
        Check.Finite([1, 2], "finite");
        Fails(() => Check.Finite([1, double.NegativeInfinity], "−∞"));
    }

    [Fact]
    public void Gradient_and_jacobian_checks_fail_and_report_on_non_finite_entries()
    {
        // ∞ analytic against a finite numeric value gave ∞/∞ = NaN before, which the summary's Max skipped.
        var inf = GradientCheck.Run(p => p[0] * p[0] + p[1], [1.0, 1.0], [2.0, double.PositiveInfinity]);
        Assert.False(inf.Passed);
        Assert.Equal(double.PositiveInfinity, inf.MaxRelError);
        Assert.Equal(double.PositiveInfinity, inf.MaxAbsError);
        Assert.Equal("∂f/∂x[1]", inf.Worst(1).Single().Name);
        // A function that is NaN near x makes the numeric side NaN: that fails too.
        Assert.False(GradientCheck.Run(p => Math.Sqrt(p[0]), [0.0], [1.0]).Passed);
        var j = Matrix<double>.Build.DenseOfArray(new double[,] { { 1, 0 }, { 0, double.NaN } });
        var jac = JacobianCheck.Run(x => x.ToArray(), [1.0, 2.0], j);
        Assert.False(jac.Passed);
        Assert.Equal(double.PositiveInfinity, jac.MaxRelError);
        Assert.True(JacobianCheck.Run(x => x.ToArray(), [1.0, 2.0], Matrix<double>.Build.DenseIdentity(2)).Passed);
    }

    [Fact]
    public void Show_and_verify_requires_every_entry_of_a_derivative_check_within_its_tolerance()
    {
        // f(x) = x₀² + 3x₁ has gradient (2x₀, 3).
        double F(double[] x) => x[0] * x[0] + 3 * x[1];
        double[] at = [1.5, -2];
        GradientCheck.Run(F, at, [3.0, 3.0]).ShowAndVerify("right gradient");
        Fails(() => GradientCheck.Run(F, at, [3.0, -3.0]).ShowAndVerify("wrong sign"), "wrong sign: does not hold");
        Fails(() => GradientCheck.Run(F, at, [double.NaN, 3.0]).ShowAndVerify("nan entry"), "nan entry");
    }
}
