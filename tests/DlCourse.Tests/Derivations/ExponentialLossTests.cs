using DlCourse.Derivations;
using DlCourse.Optimization;
using MathNet.Numerics.LinearAlgebra;

namespace DlCourse.Tests.Derivations;

public class ExponentialLossTests
{
    [Fact]
    public void Inputs_one_and_minus_one_give_cosh_and_its_derivatives()
    {
        // L(w) = (e^{−w} + e^{w})/2 = cosh w, L′ = sinh w, L″ = cosh w.
        var loss = new ExponentialLoss(Matrix<double>.Build.DenseOfColumnArrays([1.0, -1.0]));
        Assert.Equal(Math.Cosh(0.3), loss.Value([0.3]), 12);
        Assert.Equal(Math.Sinh(0.3), loss.Gradient([0.3])[0], 12);
        Assert.Equal(Math.Cosh(0.3), loss.Hessian([0.3])[0, 0], 12);
        Assert.Throws<ArgumentException>(() => loss.Value([0.3, 1]));
    }

    [Fact]
    public void Gradient_and_hessian_match_finite_differences()
    {
        var loss = new ExponentialLoss(Matrix<double>.Build.DenseOfArray(new double[,] { { 1, 0.5 }, { -0.3, 2 }, { -1, -1 } }));
        double[] w = [0.4, -0.2];
        Assert.True(GradientCheck.Run(loss.Value, w, loss.Gradient(w)).Passed);
        Assert.True(JacobianCheck.Run(loss.Gradient, w, loss.Hessian(w)).Passed);
    }

    [Fact]
    public void Its_minimiser_by_newton_matches_the_closed_form()
    {
        // Inputs (1, 0), (−1, 0), (0, 1), (0, −2): L separates, w₁* = 0 and e^{−w₂} = 2e^{2w₂}, so w₂* = −ln 2 / 3.
        var loss = new ExponentialLoss(Matrix<double>.Build.DenseOfArray(new double[,] { { 1, 0 }, { -1, 0 }, { 0, 1 }, { 0, -2 } }));
        var w = Newton.Minimize(loss.Gradient, loss.Hessian, start: [0.5, 0.5], steps: 30);
        Assert.Equal(0, w[0], 12);
        Assert.Equal(-Math.Log(2) / 3, w[1], 12);
    }

    [Fact]
    public void One_sided_directions_are_counted_by_brute_force()
    {
        // Two inputs in the first quadrant: the directions within 90° of both (1, 0.2) and (0.2, 1) have them on their positive side.
        var quadrant = new ExponentialLoss(Matrix<double>.Build.DenseOfArray(new double[,] { { 1, 0.2 }, { 0.2, 1 } }));
        int expected = Enumerable.Range(0, 360).Count(d => Math.Cos(d * Math.PI / 180) + 0.2 * Math.Sin(d * Math.PI / 180) > 0
                                                            && 0.2 * Math.Cos(d * Math.PI / 180) + Math.Sin(d * Math.PI / 180) > 0);
        Assert.Equal(expected, quadrant.OneSidedDirections(360));
        Assert.InRange(expected, 110, 115); // the arc from −11.3° to 101.3°
        var around = new ExponentialLoss(Matrix<double>.Build.DenseOfArray(new double[,] { { 1, 0 }, { -1, 0.1 }, { 0, -1 } }));
        Assert.Equal(0, around.OneSidedDirections());
        Assert.Throws<ArgumentOutOfRangeException>(() => quadrant.OneSidedDirections(0));
        Assert.Throws<InvalidOperationException>(() => new ExponentialLoss(Matrix<double>.Build.DenseOfColumnArrays([1.0])).OneSidedDirections());
    }
}
