using DlCourse.Derivations;
using DlCourse.Numerics;
using MathNet.Numerics.LinearAlgebra;

namespace DlCourse.Tests.Numerics;

/// <summary>Every loss's analytic gradient against central differences on seeded random inputs.</summary>
public class LossGradientTests
{
    private static void AssertPasses(DerivativeCheckResult check) => Assert.True(check.Passed, check.ToString());

    private static double[] Flatten(Matrix<double> m) => m.ToRowMajorArray();
    private static Matrix<double> Unflatten(double[] v, int rows, int columns) => Matrix<double>.Build.DenseOfRowMajor(rows, columns, v);

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(3)]
    public void Mean_squared_error(int seed)
    {
        var rng = new Random(seed);
        var yHat = TestData.Normal(rng, 6);
        var y = TestData.Normal(rng, 6);
        AssertPasses(GradientCheck.Run(p => MeanSquaredError.Value(p, y), yHat, MeanSquaredError.Gradient(yHat, y)));

        var yHatM = TestData.NormalMatrix(rng, 3, 2);
        var yM = TestData.NormalMatrix(rng, 3, 2);
        AssertPasses(GradientCheck.Run(p => MeanSquaredError.Value(Unflatten(p, 3, 2), yM), Flatten(yHatM), Flatten(MeanSquaredError.Gradient(yHatM, yM))));
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
    public void Entropy_gradient()
    {
        var rng = new Random(7);
        var p = TestData.Distribution(rng, 5);
        AssertPasses(GradientCheck.Run(Entropy.Value, p, Entropy.Gradient(p)));
    }

    [Fact]
    public void L2_penalty()
    {
        var rng = new Random(8);
        var w = TestData.Normal(rng, 4);
        AssertPasses(GradientCheck.Run(v => L2Penalty.Value(v, 0.3), w, L2Penalty.Gradient(w, 0.3)));
        Assert.Equal(0.5 * 0.3 * w.Sum(v => v * v), L2Penalty.Value(w, 0.3), 14);
        var W = TestData.NormalMatrix(rng, 2, 3);
        AssertPasses(GradientCheck.Run(v => L2Penalty.Value(Unflatten(v, 2, 3), 0.3), Flatten(W), Flatten(L2Penalty.Gradient(W, 0.3))));
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
