using BenchmarkDotNet.Attributes;
using DlCourse.Data;
using DlCourse.Models;
using DlCourse.Optimization;
using DlCourse.Torch;
using TorchSharp;
using static TorchSharp.torch;

namespace DlCourse.Benchmarks;

/// <summary>
/// One epoch of mini-batch softmax regression on Fashion-MNIST train (60 000 × 784, 10 classes, batches of 64 in a
/// fixed order): the library (baseline) against the same arithmetic written with TorchSharp tensors on the CPU, by hand
/// and through autograd.
/// </summary>
[MemoryDiagnoser]
public class SoftmaxRegressionEpochBenchmarks
{
    private const int BatchSize = 64;
    private const float LearningRate = 0.1f;
    private Dataset train = null!;
    private int[][] batches = [];
    private SoftmaxRegression model = null!;
    private GradientDescent optimizer = null!;
    private Tensor x = null!, y = null!, oneHot = null!, w = null!, b = null!;

    [GlobalSetup]
    public void Setup()
    {
        train = FashionMnist.Load().Train;
        batches = MiniBatches.Of(train.Count, BatchSize).ToArray();
        model = new SoftmaxRegression(train.FeatureCount, 10);
        optimizer = new GradientDescent(LearningRate);
        x = tensor(train.Features, [train.Count, train.FeatureCount]);
        y = tensor(train.Labels.Select(l => (long)l).ToArray());
        oneHot = nn.functional.one_hot(y, 10).to_type(ScalarType.Float32);
        w = zeros(10, train.FeatureCount);
        b = zeros(10);
    }

    [Benchmark(Baseline = true)]
    public double Library()
    {
        double loss = 0;
        foreach (var batch in batches)
        {
            loss += model.LossAndGradient(train, batch);
            optimizer.Step(model.Parameters, model.Gradient);
        }
        return loss;
    }

    /// <summary>
    /// The same epoch through the course's <see cref="Optimization.Trainer"/> (same batches, same order): the loop, plus
    /// what a history row costs — the model's loss and accuracy on the whole training set before and after the epoch.
    /// </summary>
    [Benchmark]
    public double Trainer() => Optimization.Trainer.Fit(model, optimizer, train, options: epoch).TrainLoss[^1];

    private static readonly TrainingOptions epoch = new() { Epochs = 1, BatchSize = BatchSize, Shuffle = false };

    /// <summary>The library's formulas in tensors: logits = XWᵀ + b, P = softmax, ∇W = (P − Y)ᵀX / m, ∇b = mean(P − Y).</summary>
    [Benchmark]
    public double TorchSharpByHand()
    {
        double loss = 0;
        using var noGrad = no_grad();
        for (long start = 0; start < train.Count; start += BatchSize)
        {
            using var scope = NewDisposeScope();
            long m = Math.Min(BatchSize, train.Count - start);
            var xb = x.narrow(0, start, m);
            var logits = xb.mm(w.t()) + b;
            var logProbabilities = nn.functional.log_softmax(logits, 1);
            loss += -logProbabilities.gather(1, y.narrow(0, start, m).unsqueeze(1)).mean().item<float>();
            var error = (logProbabilities.exp() - oneHot.narrow(0, start, m)) / m;
            w.sub_(error.t().mm(xb).mul(LearningRate));
            b.sub_(error.sum(0).mul(LearningRate));
        }
        return loss;
    }

    /// <summary>The same model through autograd: cross_entropy, backward, in-place SGD step.</summary>
    [Benchmark]
    public double TorchSharpAutograd()
    {
        double loss = 0;
        var weights = w.clone().requires_grad_();
        var bias = b.clone().requires_grad_();
        for (long start = 0; start < train.Count; start += BatchSize)
        {
            using var scope = NewDisposeScope();
            long m = Math.Min(BatchSize, train.Count - start);
            var output = nn.functional.cross_entropy(x.narrow(0, start, m).mm(weights.t()) + bias, y.narrow(0, start, m));
            output.backward();
            loss += output.item<float>();
            using (no_grad())
            {
                weights.sub_(Gradients.Of(weights)!.mul(LearningRate));
                bias.sub_(Gradients.Of(bias)!.mul(LearningRate));
                Gradients.Of(weights)!.zero_();
                Gradients.Of(bias)!.zero_();
            }
        }
        return loss;
    }
}
