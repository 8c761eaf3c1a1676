using System.Diagnostics;
using System.Globalization;
using DlCourse.Data;
using DlCourse.Models;
using DlCourse.Optimization;

namespace DlCourse.Benchmarks;

/// <summary>
/// One epoch of mini-batch softmax regression (batches of 64, fixed order, η = 0.1) on Fashion-MNIST training images
/// through <see cref="Trainer"/> against the raw loop (loss and gradient, then the step, per batch), in alternating
/// rounds; the result is the ratio of the median round times.
/// </summary>
/// <remarks>
/// The trainer's epoch is timed by its own history (batches, steps, records); a whole <c>Fit</c> also evaluates the
/// model on the training set before and after the epoch (its history's rows 0 and 1), reported apart.
/// </remarks>
public static class ArrayTrainerEpoch
{
    public static void Run(string[] args)
    {
        var rounds = int.Parse(LeNetStep.Option(args, "--rounds") ?? "9", CultureInfo.InvariantCulture);
        var count = int.Parse(LeNetStep.Option(args, "--images") ?? "20000", CultureInfo.InvariantCulture);
        const int batchSize = 64;
        var train = FashionMnist.Load().Train.Take(count);
        var batches = MiniBatches.Of(train.Count, batchSize).ToArray();
        var raw = new SoftmaxRegression(train.FeatureCount, 10);
        var trained = new SoftmaxRegression(train.FeatureCount, 10);
        var options = new TrainingOptions { Epochs = 1, BatchSize = batchSize, Shuffle = false };

        double RawRound()
        {
            var clock = Stopwatch.StartNew();
            var optimizer = new GradientDescent(0.1);
            foreach (var batch in batches)
            {
                raw.LossAndGradient(train, batch);
                optimizer.Step(raw.Parameters, raw.Gradient);
            }
            return clock.Elapsed.TotalSeconds;
        }
        var wholeFits = new List<double>();
        double TrainerRound()
        {
            var clock = Stopwatch.StartNew();
            var history = Trainer.Fit(trained, new GradientDescent(0.1), train, options: options);
            wholeFits.Add(clock.Elapsed.TotalSeconds);
            return history.Epochs[^1].Seconds;
        }

        RawRound(); TrainerRound(); // warm-up: JIT, buffers
        wholeFits.Clear();
        var rawTimes = new List<double>();
        var trainerTimes = new List<double>();
        for (var r = 0; r < rounds; r++)
        {
            // Alternate which side goes first, so neither always runs right after the other's garbage.
            if (r % 2 == 0) { rawTimes.Add(RawRound()); trainerTimes.Add(TrainerRound()); }
            else { trainerTimes.Add(TrainerRound()); rawTimes.Add(RawRound()); }
        }
        double rawMedian = Statistics.Median(rawTimes), trainerMedian = Statistics.Median(trainerTimes);
        Console.WriteLine($"softmax regression, {train.Count} × {train.FeatureCount} Fashion-MNIST images, batches of {batchSize} ({batches.Length} steps), {Environment.ProcessorCount} cores;");
        Console.WriteLine($"{rounds} alternating rounds of one epoch per side (median; min in brackets):");
        Console.WriteLine($"  {"raw loop",-28} {rawMedian * 1e3,8:F1} ms  [{rawTimes.Min() * 1e3:F1}]");
        Console.WriteLine($"  {"Trainer epoch",-28} {trainerMedian * 1e3,8:F1} ms  [{trainerTimes.Min() * 1e3:F1}]");
        Console.WriteLine($"  ratio Trainer epoch / raw: {trainerMedian / rawMedian:F3} (median), {trainerTimes.Min() / rawTimes.Min():F3} (min)");
        Console.WriteLine($"  whole Fit (rows 0 and 1 evaluated on the training set) / raw epoch: {Statistics.Median(wholeFits) / rawMedian:F3} (median)");
    }
}
