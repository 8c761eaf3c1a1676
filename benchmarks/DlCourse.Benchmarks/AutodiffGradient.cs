using System.Diagnostics;
using System.Globalization;
using System.Numerics.Tensors;
using DlCourse.Data;
using DlCourse.Models;

namespace DlCourse.Benchmarks;

/// <summary>
/// Softmax regression's loss and gradient on Fashion-MNIST: the library's (reverse mode through <c>Autodiff.Node</c>)
/// against the fused hand-written loop it replaced (per row: logits, softmax − one-hot, outer product), for an epoch of
/// batches of 64 and for one full batch, in alternating rounds; the result is the ratio of the median round times.
/// </summary>
public static class AutodiffGradient
{
    public static void Run(string[] args)
    {
        var rounds = int.Parse(LeNetStep.Option(args, "--rounds") ?? "7", CultureInfo.InvariantCulture);
        var count = int.Parse(LeNetStep.Option(args, "--images") ?? "20000", CultureInfo.InvariantCulture);
        var train = FashionMnist.Load().Train.Take(count);
        var model = new SoftmaxRegression(train.FeatureCount, 10, seed: 1);
        var fused = new float[model.Parameters.Length];
        Console.WriteLine($"softmax regression on {train.Count} × {train.FeatureCount} Fashion-MNIST images, {Environment.ProcessorCount} cores; {rounds} alternating rounds (median; min in brackets):");
        foreach (var batchSize in new[] { 64, train.Count })
        {
            var batches = MiniBatches.Of(train.Count, batchSize).ToArray();
            double Library() { var clock = Stopwatch.StartNew(); foreach (var b in batches) model.LossAndGradient(train, b); return clock.Elapsed.TotalSeconds; }
            double Fused() { var clock = Stopwatch.StartNew(); foreach (var b in batches) FusedLossAndGradient(model, train, b, fused); return clock.Elapsed.TotalSeconds; }

            Library(); Fused(); // warm-up: JIT
            var (library, hand) = (new List<double>(), new List<double>());
            for (var r = 0; r < rounds; r++)
            {
                if (r % 2 == 0) { library.Add(Library()); hand.Add(Fused()); }
                else { hand.Add(Fused()); library.Add(Library()); }
            }
            model.LossAndGradient(train, batches[^1]);
            FusedLossAndGradient(model, train, batches[^1], fused);
            double difference = TensorPrimitives.Distance<float>(model.Gradient, fused) / TensorPrimitives.Norm<float>(fused);
            Console.WriteLine($"  batches of {batchSize} ({batches.Length} per epoch): autodiff {Statistics.Median(library) * 1e3:F1} ms [{library.Min() * 1e3:F1}], fused loop {Statistics.Median(hand) * 1e3:F1} ms [{hand.Min() * 1e3:F1}]");
            Console.WriteLine($"    ratio autodiff / fused: {Statistics.Median(library) / Statistics.Median(hand):F3} (median), {library.Min() / hand.Min():F3} (min); gradients differ by {difference:G2} (relative)");
        }
    }

    /// <summary>The loop the models ran before: one pass per row, the gradient of the logits written out by hand.</summary>
    private static void FusedLossAndGradient(SoftmaxRegression model, Dataset data, int[] rows, float[] gradient)
    {
        int d = model.FeatureCount, classes = model.ClassCount;
        var chunks = Math.Min(Environment.ProcessorCount, rows.Length);
        var partial = Enumerable.Range(0, chunks).Select(_ => new float[gradient.Length]).ToArray();
        Parallel.For(0, chunks, c =>
        {
            Span<float> z = stackalloc float[classes];
            var accumulator = partial[c];
            for (int r = rows.Length * c / chunks; r < rows.Length * (c + 1) / chunks; r++)
            {
                var x = data.Row(rows[r]);
                for (int k = 0; k < classes; k++) z[k] = TensorPrimitives.Dot(model.W.Value.Row(k), x) + model.b.Value[k];
                float max = TensorPrimitives.Max<float>(z), sum = 0;
                for (int k = 0; k < classes; k++) sum += z[k] = MathF.Exp(z[k] - max);
                for (int k = 0; k < classes; k++)
                {
                    float g = z[k] / sum - (k == data.Labels[rows[r]] ? 1 : 0);
                    TensorPrimitives.MultiplyAdd(x, g, accumulator.AsSpan(k * d, d), accumulator.AsSpan(k * d, d));
                    accumulator[classes * d + k] += g;
                }
            }
        });
        Array.Clear(gradient);
        foreach (var p in partial) TensorPrimitives.Add(gradient, p, gradient);
        TensorPrimitives.Multiply(gradient, 1f / rows.Length, gradient);
    }
}
