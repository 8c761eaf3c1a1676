using System.Diagnostics;
using System.Globalization;
using DlCourse.Optimization;
using DlCourse.Torch;
using TorchSharp;
using static TorchSharp.torch;

namespace DlCourse.Benchmarks;

/// <summary>
/// LeNet-5 Adam training steps (batch 64, 1×28×28) through the kit's <see cref="TorchTrainer"/> against a raw TorchSharp loop
/// on the same network, batches and thread count. A round is one epoch of <c>--steps</c> batches with a fresh optimiser on
/// each side; rounds alternate between the sides, and the ratio of the median per-step times is the result.
/// </summary>
/// <remarks>
/// The TorchTrainer's round is its epoch 1 as its history times it: all it does per epoch (batching from float arrays,
/// accuracy bookkeeping, keeping the best weights); the raw loop reuses batch tensors made once, so every extra the
/// TorchTrainer does counts against it. Row 0 (the untrained network evaluated once per Fit) is reported apart.
/// </remarks>
public static class LeNetTrainerStep
{
    public static void Run(string[] args)
    {
        var threads = int.Parse(LeNetStep.Option(args, "--threads") ?? "1", CultureInfo.InvariantCulture);
        var rounds = int.Parse(LeNetStep.Option(args, "--rounds") ?? "15", CultureInfo.InvariantCulture);
        var steps = int.Parse(LeNetStep.Option(args, "--steps") ?? "50", CultureInfo.InvariantCulture);
        const int batch = 64;
        var cpu = CPU;
        set_num_threads(threads);

        var random = new Random(0);
        var pixels = Enumerable.Range(0, steps * batch * ImageShape.Gray28.Size).Select(_ => (float)random.NextDouble()).ToArray();
        var classes = Enumerable.Range(0, steps * batch).Select(_ => random.Next(10)).ToArray();
        var data = new ImageBatches(pixels, classes, ImageShape.Gray28, batch, shuffle: false, device: cpu);
        var batches = data.Epoch().ToList();

        // Two copies of the same initial network, one per side, so neither side trains the other's weights.
        TorchDevice.Seed(0);
        var raw = new LeNet5(ImageShape.Gray28);
        TorchDevice.Seed(0);
        var trained = new LeNet5(ImageShape.Gray28);
        var options = new TrainingOptions { Epochs = 1, Progress = _ => { }, RestoreBest = false, Device = "cpu", Seed = 0 };

        double RawRound()
        {
            var clock = Stopwatch.StartNew();
            using var optimizer = optim.Adam(raw.parameters(), 1e-3);
            raw.train();
            foreach (var b in batches)
            {
                using var scope = NewDisposeScope();
                optimizer.zero_grad();
                var loss = nn.functional.cross_entropy(raw.call(b.Images), b.Labels);
                loss.backward();
                optimizer.step();
                loss.item<float>(); // waits for the step, as the TorchTrainer's loss bookkeeping does
            }
            return clock.Elapsed.TotalSeconds;
        }
        var wholeFits = new List<double>();
        double TrainerRound()
        {
            var clock = Stopwatch.StartNew();
            using var trainer = new TorchTrainer(trained, new DlCourse.Optimization.Adam(1e-3), options);
            var history = trainer.Fit(data);
            wholeFits.Add(clock.Elapsed.TotalSeconds);
            return history.Trained[0].Seconds;
        }

        RawRound(); TrainerRound(); // warm-up: JIT, first-step allocations, caches
        var rawTimes = new List<double>();
        var trainerTimes = new List<double>();
        for (var r = 0; r < rounds; r++)
        {
            // Alternate which side goes first, so neither always runs right after the other's garbage.
            if (r % 2 == 0) { rawTimes.Add(RawRound() / steps); trainerTimes.Add(TrainerRound() / steps); }
            else { trainerTimes.Add(TrainerRound() / steps); rawTimes.Add(RawRound() / steps); }
        }
        foreach (var b in batches) b.Dispose();

        double rawMedian = Statistics.Median(rawTimes), trainerMedian = Statistics.Median(trainerTimes);
        Console.WriteLine($"LeNet-5 Adam step, batch {batch}, 1×28×28, {raw.ParameterCount():N0} parameters; {TorchDevice.Describe(cpu)}; {threads} thread(s);");
        Console.WriteLine($"{rounds} alternating rounds of one {steps}-step epoch per side (median per step; min in brackets):");
        Console.WriteLine($"  {"raw TorchSharp loop",-20} {rawMedian * 1e3,8:F3} ms  [{rawTimes.Min() * 1e3:F3}]");
        Console.WriteLine($"  {"DlCourse.Torch.TorchTrainer",-20} {trainerMedian * 1e3,8:F3} ms  [{trainerTimes.Min() * 1e3:F3}]");
        Console.WriteLine($"  ratio TorchTrainer / raw: {trainerMedian / rawMedian:F3} (median), {trainerTimes.Min() / rawTimes.Min():F3} (min)");
        Console.WriteLine($"  whole Fit (row 0's evaluation of the untrained network included) / raw epoch: {Statistics.Median(wholeFits) / (rawMedian * steps):F3} (median)");
    }
}
