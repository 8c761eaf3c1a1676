using DlCourse.Data;
using DlCourse.Derivations;
using DlCourse.Models;
using DlCourse.Optimization;
using TorchSharp;
using static TorchSharp.torch;

namespace DlCourse.Tests.Models;

public class ModelTests
{
    private static Dataset RandomClasses(int rows, int features, int classes, int seed)
    {
        var random = new Random(seed);
        var x = Enumerable.Range(0, rows * features).Select(_ => (float)Synthetic.Normal(random)).ToArray();
        var y = Enumerable.Range(0, rows).Select(_ => random.Next(classes)).ToArray();
        return new Dataset(x, features, y, classes);
    }

    /// <summary>The library's finite-difference checker on the model's float32 loss: a step of 1e-2 keeps rounding (~1e-7·|L|/h) below 1e-4.</summary>
    private static void AssertGradientChecks(Model model, Dataset data, int[]? rows)
    {
        var before = model.Parameters.ToArray();
        var result = GradientCheck.Run(model, data, rows: rows, tolerance: 1e-3, step: 1e-2);
        Assert.True(result.Passed, result.ToString());
        // The check must be able to fail: a gradient off by 1 % in one entry is caught, and so is a single NaN.
        model.LossAndGradient(data, rows);
        var wrong = model.Gradient.ToArray();
        var nan = wrong.ToArray();
        wrong[0] += 0.01f * Math.Max(1, Math.Abs(wrong[0]));
        Assert.False(GradientCheck.Run(model, data, wrong, rows, tolerance: 1e-3, step: 1e-2).Passed);
        nan[^1] = float.NaN;
        Assert.False(GradientCheck.Run(model, data, nan, rows, tolerance: 1e-3, step: 1e-2).Passed);
        Assert.Equal(before, model.Parameters);
    }

    [Theory]
    [InlineData(0.0)]
    [InlineData(0.3)]
    public void SoftmaxGradientMatchesFiniteDifferences(double weightDecay)
    {
        var data = RandomClasses(40, 5, 4, seed: 1);
        var model = new SoftmaxRegression(5, 4, weightDecay, seed: 2, initScale: 0.5);
        AssertGradientChecks(model, data, [3, 1, 4, 1, 5, 9, 2, 6]);
    }

    [Theory]
    [InlineData(0.0)]
    [InlineData(0.5)]
    public void LogisticGradientMatchesFiniteDifferences(double weightDecay)
    {
        var data = RandomClasses(30, 3, 2, seed: 3);
        var model = new LogisticRegression(3, weightDecay).WithParameters([0.4f, -0.7f, 0.2f, 0.1f]);
        AssertGradientChecks(model, data, null);
    }

    [Fact]
    public void LinearRegressionGradientMatchesFiniteDifferences()
    {
        var random = new Random(4);
        var rows = Enumerable.Range(0, 20).Select(_ => new[] { Synthetic.Normal(random), Synthetic.Normal(random), Synthetic.Normal(random) }).ToArray();
        var data = Dataset.Regression(rows, rows.Select(x => 2 * x[0] - x[2] + 0.1 * Synthetic.Normal(random)).ToArray());
        var model = new LinearRegression(3).WithParameters([0.3f, 0.2f, -0.5f, 0.7f]);
        AssertGradientChecks(model, data, null);
    }

    [Fact]
    public void ModelFunctions_evaluate_a_copy_and_leave_the_model_unchanged()
    {
        var data = RandomClasses(30, 3, 2, seed: 7);
        var model = new LogisticRegression(3, weightDecay: 0.2).WithParameters([0.4f, -0.7f, 0.2f, 0.1f]);
        var loss = ModelFunctions.Loss(model, data);
        double[] elsewhere = [1.5, 0.3, -2, 0.6];
        var moved = model.WithParameters(Array.ConvertAll(elsewhere, v => (float)v));
        Assert.Equal(moved.Loss(data), loss(elsewhere), 12);
        Assert.Equal(0.2, moved.WeightDecay);
        Assert.Equal([0.4f, -0.7f, 0.2f, 0.1f], model.Parameters);
        Assert.Equal(model.Loss(data), loss(ModelFunctions.ParametersOf(model)), 12);
        Assert.Equal(model.Parameters.Select(p => (double)p), ModelFunctions.ParametersOf(model.Parameters));
        Assert.Throws<ArgumentException>(() => loss([1, 2]));
        Assert.Throws<ArgumentException>(() => model.WithParameters([1f, 2f]));
    }

    [Fact]
    public void A_point_in_doubles_gets_the_same_answers_as_the_float_features()
    {
        var data = Synthetic.ThreeGaussians(15, seed: 2);
        var softmax = new SoftmaxRegression(2, 3, seed: 1);
        Trainer.Fit(softmax, new GradientDescent(0.5), data, options: new TrainingOptions { Epochs = 20 });
        var logistic = new LogisticRegression(2).WithParameters([0.7f, -1.2f, 0.4f]);
        foreach (var (a, b) in new[] { (0.3, -1.7), (2.5, 0.1), (-4.0, 3.0) })
        {
            Assert.Equal(softmax.Probabilities([(float)a, (float)b]), softmax.Probabilities([a, b]));
            Assert.Equal(softmax.Predict([(float)a, (float)b]), softmax.Predict([a, b]));
            Assert.Equal(logistic.Probability([(float)a, (float)b]), logistic.Probability([a, b]));
            Assert.Equal(logistic.Predict([(float)a, (float)b]), logistic.Predict([a, b]));
        }
        Assert.Throws<ArgumentException>(() => softmax.Probabilities([1.0, 2.0, 3.0]));
    }

    [Fact]
    public void Weight_decay_and_sizes_are_validated_by_the_constructors()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => new LogisticRegression(2, weightDecay: -0.1));
        Assert.Throws<ArgumentOutOfRangeException>(() => new SoftmaxRegression(2, 3, weightDecay: double.NaN));
        Assert.Throws<ArgumentOutOfRangeException>(() => new SoftmaxRegression(0, 3));
        Assert.Throws<ArgumentOutOfRangeException>(() => new LogisticRegression(0));
        Assert.Throws<ArgumentOutOfRangeException>(() => new LinearRegression(0));
        Assert.Throws<ArgumentOutOfRangeException>(() => new SoftmaxRegression(2, 3, initScale: -1));
        var model = new SoftmaxRegression(2, 3);
        Assert.Throws<ArgumentOutOfRangeException>(() => model.WeightDecay = double.PositiveInfinity);
    }

    [Fact]
    public void SoftmaxLossAndGradientMatchTorchSharpAutograd()
    {
        const int n = 300, d = 20, k = 5;   // big enough to run on both cores
        const double weightDecay = 0.1;
        var data = RandomClasses(n, d, k, seed: 5);
        var model = new SoftmaxRegression(d, k, weightDecay, seed: 6, initScale: 0.3);
        double loss = model.LossAndGradient(data);
        var gradient = model.Gradient;

        var x = tensor(data.Features, [n, d], ScalarType.Float64);
        var y = tensor(data.Labels.Select(l => (long)l).ToArray());
        var w = tensor(model.Parameters.AsSpan(0, k * d).ToArray(), [k, d], ScalarType.Float64).requires_grad_();
        var b = tensor(model.Parameters.AsSpan(k * d).ToArray(), ScalarType.Float64).requires_grad_();
        var torchLoss = nn.functional.cross_entropy(x.matmul(w.t()) + b, y) + 0.5 * weightDecay * w.pow(2).sum();
        torchLoss.backward();

        Assert.Equal(torchLoss.item<double>(), loss, 4);
        var expected = DlCourse.Torch.Gradients.Of(w)!.data<double>().Concat(DlCourse.Torch.Gradients.Of(b)!.data<double>()).ToArray();
        for (int j = 0; j < expected.Length; j++) Assert.True(Math.Abs(expected[j] - gradient[j]) < 1e-5, $"parameter {j}: {gradient[j]} vs {expected[j]}");
    }

    [Fact]
    public void SoftmaxLossStaysFiniteForHugeLogits()
    {
        var data = Dataset.FromRows([[1000, -1000]], [1]);
        var model = new SoftmaxRegression(2, 2);
        model.Parameters.AsSpan().Set([1f, 0f, 0f, 1f, 0f, 0f]);   // z = [1000, −1000], label 1: loss 2000
        Assert.Equal(2000, model.Loss(data), 2);
    }

    [Fact]
    public void LinearRegressionOnXorGivesZeroWeightsAndHalfBias()
    {
        var xor = Synthetic.Xor();
        var exact = new LinearRegression(2).WithParameters([.. DlCourse.Tests.Numerics.TestData.LeastSquares(xor).Select(v => (float)v)]);
        Assert.Equal(0, exact.Weights[0], 6);
        Assert.Equal(0, exact.Weights[1], 6);
        Assert.Equal(0.5, exact.Bias, 6);
        Assert.Equal(0.25, exact.Loss(xor), 6);

        var descended = new LinearRegression(2);
        descended.Parameters.AsSpan().Set([0.8f, -0.3f, 0.1f]);
        Trainer.Fit(descended, new GradientDescent(0.2), xor, options: new TrainingOptions { Epochs = 2000 });
        Assert.Equal(0, descended.Weights[0], 4);
        Assert.Equal(0.5, descended.Bias, 4);
    }

    [Fact]
    public void LogisticRegressionSeparatesTwoGaussians()
    {
        var data = Synthetic.TwoGaussians(100, seed: 1, spread: 0.6);
        var model = new LogisticRegression(2);
        var history = Trainer.Fit(model, new GradientDescent(0.5), data, options: new TrainingOptions { Epochs = 200 });
        Assert.True(history.TrainLoss[^1] < history.TrainLoss[0] / 3);
        Assert.True(model.Accuracy(data) > 0.95);
        var (slope, _) = model.Boundary();
        Assert.True(slope < 0, "the boundary between (−1,−1) and (1,1) runs from top left to bottom right");
    }
}

internal static class SpanExtensions
{
    public static void Set(this Span<float> span, float[] values) => values.CopyTo(span);
}
