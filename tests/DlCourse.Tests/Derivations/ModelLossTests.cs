using DlCourse.Data;
using DlCourse.Derivations;
using DlCourse.Models;
using DlCourse.Numerics;
using DlCourse.Tests.Numerics;
using MathNet.Numerics.LinearAlgebra;

namespace DlCourse.Tests.Derivations;

public class ModelLossTests
{
    private static (Matrix<double> X, double[] Y) Data(int seed, int m = 12, int d = 3)
    {
        var rng = new Random(seed);
        return (TestData.NormalMatrix(rng, m, d), TestData.Uniform(rng, m, 0, 1).Select(v => Math.Round(v)).ToArray());
    }

    [Theory]
    [InlineData(LogisticLossKind.CrossEntropy, 0.0)]
    [InlineData(LogisticLossKind.CrossEntropy, 0.7)]
    [InlineData(LogisticLossKind.SquaredError, 0.0)]
    [InlineData(LogisticLossKind.SquaredError, 0.7)]
    public void Logistic_model_hessian_matches_finite_differences_of_its_value(LogisticLossKind kind, double lambda)
    {
        var (x, y) = Data(41);
        var loss = new LogisticModelLoss(kind, x, y, lambda);
        var theta = TestData.Normal(new Random(42), loss.ParameterCount);
        var numeric = FiniteDifferences.Hessian(loss.Value, theta);
        var analytic = loss.Hessian(theta);
        Assert.True((analytic - numeric).Enumerate().All(e => Math.Abs(e) < 1e-6), $"{analytic}\n{numeric}");
    }

    [Fact]
    public void Logistic_model_loss_over_a_dataset_is_the_logistic_regression_models_mean_nll()
    {
        // The closed-form Hessian is held to differences of Value above; Value is the model's own loss, so it holds for that too.
        var data = Synthetic.Gaussians([(-1.0, -1.0), (1.0, 1.0)], perClass: 20, seed: 4, spread: 4.0);
        var loss = new LogisticModelLoss(LogisticLossKind.CrossEntropy, data);
        var nll = ModelFunctions.Loss(new LogisticRegression(2), data);
        foreach (var theta in new[] { new[] { 0.0, 0.1, 0.0 }, new[] { 0.3, -0.2, 0.5 }, new[] { -1.5, 2.0, 0.7 } })
            Assert.Equal(nll(theta), loss.Value(theta), 5);
    }

    [Fact]
    public void Regularised_cross_entropy_equals_mean_bce_plus_the_weight_decay_penalty_without_the_bias()
    {
        var (x, y) = Data(43);
        var loss = new LogisticModelLoss(LogisticLossKind.CrossEntropy, x, y, weightDecay: 0.5);
        double[] theta = [0.3, -0.2, 0.8, 5.0];
        var p = loss.Probabilities(theta);
        double bce = Enumerable.Range(0, y.Length).Average(i => -(y[i] * Math.Log(p[i]) + (1 - y[i]) * Math.Log(1 - p[i])));
        Assert.Equal(bce + 0.5 / 2 * (0.3 * 0.3 + 0.2 * 0.2 + 0.8 * 0.8), loss.Value(theta), 12);
        Assert.Throws<ArgumentOutOfRangeException>(() => new LogisticModelLoss(LogisticLossKind.CrossEntropy, x, y, weightDecay: double.NaN));
    }

    [Fact]
    public void Cross_entropy_hessian_is_positive_semidefinite_and_squared_error_curvature_goes_negative()
    {
        var (x, y) = Data(44);
        var ce = new LogisticModelLoss(LogisticLossKind.CrossEntropy, x, y);
        var rng = new Random(45);
        for (int trial = 0; trial < 20; trial++)
        {
            var theta = TestData.Normal(rng, ce.ParameterCount, 3);
            Assert.True(ce.Hessian(theta).Evd().EigenValues.All(e => e.Real > -1e-12));
        }
        // One sample x = 1, y = 1: z = w + b, so H[w, w] is ℓ''(z). Confidently wrong at z = −3, squared error curves downwards.
        var one = Matrix<double>.Build.Dense(1, 1, 1.0);
        var se = new LogisticModelLoss(LogisticLossKind.SquaredError, one, [1.0]);
        Assert.True(se.Hessian([-3, 0])[0, 0] < 0);
        foreach (var z in new[] { -3.0, -0.5, 1.0, 4.0 })
            foreach (var kind in new[] { LogisticLossKind.CrossEntropy, LogisticLossKind.SquaredError })
            {
                double numeric = (LogisticModelLoss.SampleLoss(kind, z + 1e-4, 1) - 2 * LogisticModelLoss.SampleLoss(kind, z, 1) + LogisticModelLoss.SampleLoss(kind, z - 1e-4, 1)) / 1e-8;
                Assert.Equal(numeric, new LogisticModelLoss(kind, one, [1.0]).Hessian([z, 0])[0, 0], 6);
            }
    }

    [Fact]
    public void Softmax_regression_loss_matches_torch_and_names_its_parameters_in_pack_order()
    {
        var rng = new Random(46);
        var x = TestData.NormalMatrix(rng, 8, 3);
        var labels = TestData.Labels(rng, 8, 4);
        var loss = new SoftmaxRegressionLoss(x, labels, 4);
        var w = TestData.NormalMatrix(rng, 4, 3);
        var b = TestData.Normal(rng, 4);
        var theta = loss.Pack(w, b);
        Assert.Equal(loss.Value(w, b), loss.Value(theta), 15);

        using var z = TorchSharp.torch.tensor(x.ToRowMajorArray(), 8, 3).matmul(TorchSharp.torch.tensor(w.ToRowMajorArray(), 4, 3).t())
            + TorchSharp.torch.tensor(b);
        using var target = TorchSharp.torch.tensor(labels.Select(l => (long)l).ToArray());
        Assert.Equal(TorchSharp.torch.nn.functional.cross_entropy(z, target).item<double>(), loss.Value(w, b), 12);
        Assert.Throws<ArgumentException>(() => loss.Value(w.Transpose(), b));
        // Names follow Pack's order: W[k,d] row by row, then b[k].
        Assert.Equal(loss.ParameterCount, loss.ParameterNames.Count);
        Assert.Equal("W[1,0]", loss.ParameterNames[3]);
        Assert.Equal(theta[3], w[1, 0]);
        Assert.Equal("b[0]", loss.ParameterNames[12]);
        Assert.Equal(theta[12], b[0]);
        var named = GradientCheck.Run(loss.Value, theta, FiniteDifferences.Gradient(loss.Value, theta), names: loss.ParameterNames);
        Assert.Equal("b[3]", named.Entries[^1].Name);
    }

    [Fact]
    public void A_two_class_data_set_gives_the_loss_of_its_features_and_labels()
    {
        var data = DlCourse.Data.Dataset.FromRows([[1.0, 2.0], [-0.5, 0.25], [3.0, -1.0]], [1, 0, 1]);
        var fromData = new LogisticModelLoss(LogisticLossKind.CrossEntropy, data, weightDecay: 0.1);
        var fromMatrix = new LogisticModelLoss(LogisticLossKind.CrossEntropy,
            Matrix<double>.Build.DenseOfArray(new double[,] { { 1, 2 }, { -0.5, 0.25 }, { 3, -1 } }), [1.0, 0.0, 1.0], weightDecay: 0.1);
        double[] theta = [0.2, -0.7, 0.4];
        Assert.Equal(fromMatrix.Value(theta), fromData.Value(theta), 12);
        Assert.True((fromMatrix.Hessian(theta) - fromData.Hessian(theta)).Enumerate().All(v => Math.Abs(v) < 1e-12));
        // At θ = 0 every σ(z) = ½: L = ln 2, H = ¼ mean of x̃x̃ᵀ, so H[b, b] = ¼ (plus no decay on b).
        Assert.Equal(Math.Log(2), fromData.Value([0, 0, 0]), 12);
        Assert.Equal(0.25, fromData.Hessian([0, 0, 0])[2, 2], 12);
        Assert.Throws<ArgumentException>(() => new LogisticModelLoss(LogisticLossKind.CrossEntropy, data.WithLabels([0, 2, 1], classCount: 3)));
    }
}
