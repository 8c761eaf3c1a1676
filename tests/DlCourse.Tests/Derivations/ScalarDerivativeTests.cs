using DlCourse.Derivations;

namespace DlCourse.Tests.Derivations;

public class ScalarDerivativeTests
{
    [Fact]
    public void Matches_the_derivative_of_smooth_functions()
    {
        Assert.Equal(Math.Cos(0.7), FiniteDifferences.Derivative(Math.Sin, 0.7), 1e-9);
        Assert.Equal(Math.Exp(-2), FiniteDifferences.Derivative(Math.Exp, -2), 1e-9);
        // A quadratic's central difference is exact up to rounding, whatever the step.
        Assert.Equal(2 * 3.0 - 4, FiniteDifferences.Derivative(x => x * x - 4 * x, 3, step: 0.5), 1e-12);
    }

    [Fact]
    public void Is_the_scalar_case_of_the_gradient()
    {
        Func<double, double> f = x => Math.Log(1 + Math.Exp(x));
        Assert.Equal(FiniteDifferences.Gradient(v => f(v[0]), [0.3])[0], FiniteDifferences.Derivative(f, 0.3));
    }

    [Fact]
    public void Refuses_a_step_that_is_not_positive()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => FiniteDifferences.Derivative(Math.Sin, 0, step: 0));
        Assert.Throws<ArgumentOutOfRangeException>(() => FiniteDifferences.Derivative(Math.Sin, 0, step: double.NaN));
        Assert.Throws<ArgumentNullException>(() => FiniteDifferences.Derivative(null!, 0));
    }
}
