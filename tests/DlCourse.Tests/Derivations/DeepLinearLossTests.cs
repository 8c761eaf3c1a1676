using DlCourse.Derivations;
using MathNet.Numerics.LinearAlgebra;

namespace DlCourse.Tests.Derivations;

public class DeepLinearLossTests
{
    private static readonly Random Random = new(31);
    private static readonly Matrix<double> X = Matrix<double>.Build.Dense(7, 3, (_, _) => 2 * Random.NextDouble() - 1);
    private static readonly int[] Labels = [0, 2, 1, 1, 0, 2, 2];

    private static double[] Draw(int count) => Enumerable.Range(0, count).Select(_ => Random.NextDouble() - 0.5).ToArray();

    [Fact]
    public void Two_layers_give_the_mean_cross_entropy_of_the_product_written_out()
    {
        var loss = new DeepLinearLoss(X, Labels, 3, 2);
        Assert.Equal(2 * 3 + 3 * 2, loss.ParameterCount);
        var theta = Draw(loss.ParameterCount);
        // h = W₁x (W₁ is 2×3 row by row), z = W₂h (W₂ is 3×2 row by row); −log softmax(z)[y] averaged.
        double total = 0;
        for (int i = 0; i < X.RowCount; i++)
        {
            var h = Enumerable.Range(0, 2).Select(r => Enumerable.Range(0, 3).Sum(c => theta[r * 3 + c] * X[i, c])).ToArray();
            var z = Enumerable.Range(0, 3).Select(k => Enumerable.Range(0, 2).Sum(r => theta[6 + k * 2 + r] * h[r])).ToArray();
            total += Math.Log(z.Sum(Math.Exp)) - z[Labels[i]];
        }
        Assert.Equal(total / X.RowCount, loss.Value(theta), 1e-12);
    }

    [Fact]
    public void One_layer_is_softmax_regression_without_a_bias()
    {
        var deep = new DeepLinearLoss(X, Labels, 3);
        var regression = new SoftmaxRegressionLoss(X, Labels, 3);
        var theta = Draw(deep.ParameterCount);
        Assert.Equal(regression.Value([.. theta, 0, 0, 0]), deep.Value(theta), 1e-13);
        Assert.Equal(3, deep.Layers(theta)[0].RowCount);
    }

    [Fact]
    public void Refuses_mismatched_labels_widths_and_parameter_vectors()
    {
        Assert.Throws<ArgumentException>(() => new DeepLinearLoss(X, [0, 1], 3, 2));
        Assert.Throws<ArgumentException>(() => new DeepLinearLoss(X, [0, 1, 2, 3, 0, 1, 2], 3, 2));
        Assert.Throws<ArgumentException>(() => new DeepLinearLoss(X, Labels, 3, 0));
        Assert.Throws<ArgumentOutOfRangeException>(() => new DeepLinearLoss(X, Labels, 1));
        var e = Assert.Throws<ArgumentException>(() => new DeepLinearLoss(X, Labels, 3, 2).Value(new double[11]));
        Assert.Contains("2×3 + 3×2", e.Message);
    }
}
