using DlCourse.Derivations;
using DlCourse.Numerics;
using MathNet.Numerics.LinearAlgebra;

namespace DlCourse.Tests.Numerics;

/// <summary>Each loss against its definition, and the analytic gradients the library keeps against central differences.</summary>
public class LossGradientTests
{
    private static void AssertPasses(DerivativeCheckResult check) => Assert.True(check.Passed, check.ToString());

    private static double[] Flatten(Matrix<double> m) => m.ToRowMajorArray();
    private static Matrix<double> Unflatten(double[] v, int rows, int columns) => Matrix<double>.Build.DenseOfRowMajor(rows, columns, v);

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(3)]
    public void Mean_squared_error_is_the_mean_of_squared_differences(int seed)
    {
        var rng = new Random(seed);
        var yHat = TestData.Normal(rng, 6);
        var y = TestData.Normal(rng, 6);
        Assert.Equal(yHat.Zip(y, (p, t) => (p - t) * (p - t)).Average(), MeanSquaredError.Value(yHat, y), 14);
        var yHatM = TestData.NormalMatrix(rng, 3, 2);
        var yM = TestData.NormalMatrix(rng, 3, 2);
        Assert.Equal(MeanSquaredError.Value(Flatten(yHatM), Flatten(yM)), MeanSquaredError.Value(yHatM, yM), 14);
    }

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    public void Binary_cross_entropy_with_logits(int seed)
    {
        var rng = new Random(seed);
        var z = TestData.Normal(rng, 5, 3);
        var y = TestData.Uniform(rng, 5, 0, 1).Select(v => Math.Round(v)).ToArray();
        // The same value as BCE of σ(z), from its definition (the gradient is the models' autodiff's: NodeTests).
        Assert.Equal(z.Zip(y, (v, t) => -(t * Math.Log(Sigmoid.Apply(v)) + (1 - t) * Math.Log(1 - Sigmoid.Apply(v)))).Average(),
            BinaryCrossEntropyWithLogits.Value(z, y), 12);
    }

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    public void Cross_entropy_on_probabilities(int seed)
    {
        var rng = new Random(seed);
        var p = TestData.Distribution(rng, 4);
        var y = TestData.Distribution(rng, 4);
        AssertPasses(GradientCheck.Run(q => CrossEntropy.Value(q, y), p, CrossEntropy.Gradient(p, y)));
        AssertPasses(GradientCheck.Run(q => CrossEntropy.Value(q, 2), p, CrossEntropy.Gradient(p, 2)));
        Assert.Equal(-Math.Log(p[2]), CrossEntropy.Value(p, 2), 14);

        var probs = StableSoftmax.Apply(TestData.NormalMatrix(rng, 3, 4));
        var labels = TestData.Labels(rng, 3, 4);
        AssertPasses(GradientCheck.Run(q => CrossEntropy.Value(Unflatten(q, 3, 4), labels), Flatten(probs), Flatten(CrossEntropy.Gradient(probs, labels))));
    }

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    public void Cross_entropy_with_logits_is_cross_entropy_of_the_softmax(int seed)
    {
        var rng = new Random(seed);
        var z = TestData.Normal(rng, 5, 2);
        int label = rng.Next(5);
        Assert.Equal(CrossEntropy.Value(StableSoftmax.Apply(z), label), CrossEntropyWithLogits.Value(z, label), 12);
        var soft = TestData.Distribution(rng, 5);
        Assert.Equal(CrossEntropy.Value(StableSoftmax.Apply(z), soft), CrossEntropyWithLogits.Value(z, soft), 12);

        var logits = TestData.NormalMatrix(rng, 4, 3, 2);
        var labels = TestData.Labels(rng, 4, 3);
        var rows = Enumerable.Range(0, 4).Select(i => CrossEntropy.Value(StableSoftmax.Apply(logits.Row(i).ToArray()), labels[i]));
        Assert.Equal(rows.Average(), CrossEntropyWithLogits.Value(logits, labels), 12);
    }

    [Fact]
    public void L2_penalty_is_half_lambda_times_the_squared_norm()
    {
        var rng = new Random(8);
        var w = TestData.Normal(rng, 4);
        Assert.Equal(0.5 * 0.3 * w.Sum(v => v * v), L2Penalty.Value(w, 0.3), 14);
        var W = TestData.NormalMatrix(rng, 2, 3);
        Assert.Equal(L2Penalty.Value(Flatten(W), 0.3), L2Penalty.Value(W, 0.3), 14);
    }

    [Fact]
    public void Mismatched_lengths_and_bad_labels_are_rejected()
    {
        var e = Assert.Throws<ArgumentException>(() => MeanSquaredError.Value([1.0, 2.0], [1.0]));
        Assert.Contains("one target per prediction", e.Message);
        Assert.Throws<ArgumentOutOfRangeException>(() => CrossEntropyWithLogits.Value([1.0, 2.0], 2));
        Assert.Throws<ArgumentException>(() => CrossEntropyWithLogits.Value(Matrix<double>.Build.Dense(2, 3), [0]));
    }
}
