using DlCourse.Derivations;
using DlCourse.Numerics;
using MathNet.Numerics.LinearAlgebra;

namespace DlCourse.Tests.Derivations;

public class PackedGradientTests
{
    private static readonly Random Random = new(12);
    private static readonly Matrix<double> X = Matrix<double>.Build.Dense(9, 2, (_, _) => 2 * Random.NextDouble() - 1);
    private static readonly int[] Labels = [0, 1, 2, 2, 1, 0, 0, 2, 1];

    [Fact]
    public void Lays_out_the_gradient_as_theta_is_laid_out()
    {
        var loss = new SoftmaxRegressionLoss(X, Labels, 3);
        var theta = Enumerable.Range(0, loss.ParameterCount).Select(i => 0.1 * i).ToArray();
        // ∇W = 2W, ∇b = −b: the packed result is θ's W part doubled and its b part negated.
        var packed = loss.PackedGradient((w, b) => (2 * w, b.Select(v => -v).ToArray()))(theta);
        Assert.Equal(theta.Take(6).Select(v => 2 * v).Concat(theta.Skip(6).Select(v => -v)), packed);
    }

    [Fact]
    public void The_softmax_regression_gradient_packed_matches_central_differences_of_the_loss()
    {
        var loss = new SoftmaxRegressionLoss(X, Labels, 3);
        var theta = Enumerable.Range(0, loss.ParameterCount).Select(_ => Random.NextDouble() - 0.5).ToArray();
        (Matrix<double>, double[]) Gradient(Matrix<double> w, double[] b)
        {
            var residual = StableSoftmax.Apply((X * w.Transpose()).MapIndexed((i, k, v) => v + b[k])) - OneHot.Matrix(Labels, 3);
            return (residual.TransposeThisAndMultiply(X) / X.RowCount, (residual.ColumnSums() / X.RowCount).ToArray());
        }
        var numeric = FiniteDifferences.Gradient(loss.Value, theta);
        var packed = loss.PackedGradient(Gradient)(theta);
        for (int i = 0; i < theta.Length; i++) Assert.Equal(numeric[i], packed[i], 1e-8);
    }

    [Fact]
    public void Refuses_a_gradient_of_the_wrong_shape()
    {
        var loss = new SoftmaxRegressionLoss(X, Labels, 3);
        var theta = new double[loss.ParameterCount];
        var e = Assert.Throws<InvalidOperationException>(() => loss.PackedGradient((w, b) => (w.Transpose(), b))(theta));
        Assert.Contains("3 × 2", e.Message);
        Assert.Throws<InvalidOperationException>(() => loss.PackedGradient((w, b) => (w, new double[2]))(theta));
        Assert.Throws<ArgumentNullException>(() => loss.PackedGradient(null!));
    }
}
