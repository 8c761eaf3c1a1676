using DlCourse.Metrics;
using DlCourse.Optimization;
using DlCourse.Plotting;
using Plotly.NET;

namespace DlCourse.Torch;

/// <summary>One network of an <see cref="ArchitectureComparison"/>: its size, its training and its test results.</summary>
public sealed record ArchitectureRun(string Name, long Parameters, TrainingHistory History, TestReport Report);

/// <summary>
/// Networks trained on one split with the same seed, data order, Adam learning rate and budget, then set side by side:
/// size, seconds per epoch and test accuracy, and what their ranks say.
/// </summary>
public sealed class ArchitectureComparison
{
    private readonly List<ArchitectureRun> runs = [];

    /// <summary>Every network starts from <paramref name="seed"/> and trains with Adam at <paramref name="rate"/> under <paramref name="options"/>.</summary>
    public ArchitectureComparison(ImageSplit data, int seed, double rate, TrainingOptions options)
    {
        ArgumentNullException.ThrowIfNull(data);
        ArgumentNullException.ThrowIfNull(options);
        if (!(rate > 0)) throw new ArgumentOutOfRangeException(nameof(rate), rate, "The learning rate must be positive.");
        (Data, Seed, Rate, Options) = (data, seed, rate, options);
    }

    public ImageSplit Data { get; }
    public int Seed { get; }
    public double Rate { get; }
    public TrainingOptions Options { get; }
    /// <summary>The networks in the order they were trained.</summary>
    public IReadOnlyList<ArchitectureRun> Runs => runs;

    /// <summary>Builds the network after seeding (so that every one starts from the same seed), trains it, printing each epoch, and tests it.</summary>
    public ArchitectureRun Train(string name, Func<ImageClassifier> create)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        ArgumentNullException.ThrowIfNull(create);
        if (runs.Any(r => r.Name == name)) throw new ArgumentException($"A network named '{name}' was already trained; names key the record.", nameof(name));
        TorchDevice.Seed(Seed);
        var model = create();
        var trainer = new TorchTrainer(model, new Adam(Rate), Options with { Progress = e => Console.WriteLine($"{name,-20} {e}") });
        var history = trainer.Fit(Data.TrainBatches(), Data.ValidationBatches(), name);
        var run = new ArchitectureRun(name, model.ParameterCount(), history, trainer.Evaluate(Data.TestBatches()));
        runs.Add(run);
        return run;
    }

    /// <summary>One row per network (parameters, epochs, seconds per epoch, test accuracy and macro F1), then the device and why each stopped.</summary>
    public string Table()
    {
        var lines = new List<string> { $"{"network",-20} {"parameters",11} {"epochs",6} {"s/epoch",8} {"test acc",8} {"macro F1",8}" };
        lines.AddRange(runs.Select(r =>
            $"{r.Name,-20} {r.Parameters,11:N0} {r.History.LastEpoch,6} {r.History.SecondsPerEpoch,8:F2} {r.Report.Accuracy,8:P1} {r.Report.MacroF1,8:F3}"));
        lines.Add($"device: {runs[0].History.Device}; stop reasons: {string.Join(", ", runs.Select(r => r.History.StopReason))}");
        return string.Join("\n", lines);
    }

    /// <summary>Test accuracy against parameter count (log scale), the networks from smallest to largest, named in that order in the title.</summary>
    public GenericChart AccuracyAgainstSize()
    {
        if (runs.Count == 0) throw new InvalidOperationException("No network was trained yet: call Train first.");
        var bySize = runs.OrderBy(r => r.Parameters).ToList();
        return Charts.MetricAgainst($"test accuracy against size ({string.Join(", ", bySize.Select(r => r.Name))})", "parameters", "test accuracy",
            bySize.Select(r => (double)r.Parameters).ToArray(), bySize.Select(r => r.Report.Accuracy).ToArray(), logX: true);
    }

    /// <summary>The full-profile record: one line per network and the three orders, under the names <see cref="RecordVerdicts"/> reads back.</summary>
    public RecordedResults Record(string name) =>
        runs.Aggregate(new RecordedResults(name).Add("data", Data.ToString()), (results, r) => results.Add(r.Name,
                $"{r.Parameters:N0} parameters, {r.History.LastEpoch} epochs ({r.History.StopReason}), {r.History.SecondsPerEpoch:F1} s per epoch; " +
                $"last training accuracy {r.History.Epochs[^1].TrainAccuracy:P1}, lowest validation loss at epoch {r.History.BestEpoch}; test {r.Report.Accuracy:P1}, macro F1 {r.Report.MacroF1:F3}"))
            .Add("by test accuracy", string.Join(" > ", runs.OrderByDescending(r => r.Report.Accuracy).Select(r => r.Name)))
            .Add("by parameters", string.Join(" > ", runs.OrderByDescending(r => r.Parameters).Select(r => r.Name)))
            .Add("by seconds per epoch", string.Join(" > ", runs.OrderByDescending(r => r.History.SecondsPerEpoch).Select(r => r.Name)));

    /// <summary>What this comparison shows, under <paramref name="heading"/>: each network, the three orders, the rank correlations of
    /// size, and each network's first and last epoch's seconds (the first includes its warm-up).</summary>
    public string Verdicts(string heading) => Verdicts(heading, runs.Select(r => new NetworkFigures(r.Name, r.Parameters,
            r.History.SecondsPerEpoch, r.History.BestEpoch!.Value, r.History.LastEpoch, r.Report.Accuracy)).ToList(), Data.Test.Count) +
        $"\n  first and last epoch's seconds: {string.Join(", ", runs.Select(r => $"{r.Name} {r.History.Trained[0].Seconds:F1} and {r.History.Epochs[^1].Seconds:F1}"))}";

    /// <summary>The same verdicts read from a full-profile record that <see cref="Record"/> wrote, or a line saying there is none.</summary>
    public static string RecordVerdicts(RecordedResults record)
    {
        ArgumentNullException.ThrowIfNull(record);
        var recorded = record.ReadValues();
        if (recorded.Count == 0) return $"no full-profile record to read ({record.Path})";
        var split = RecordedFields.Read(recorded["data"], ImageSplit.DescriptionPattern);
        var nets = recorded.Where(kv => kv.Value.Contains(" parameters, ")).Select(kv =>
        {
            var f = RecordedFields.Read(kv.Value, "{parameters} parameters, {epochs} epochs ({stop}), {seconds} s per epoch; last training accuracy {train} %, " +
                "lowest validation loss at epoch {best}; test {test} %, macro F1 {f1}");
            return new NetworkFigures(kv.Key, (long)f.Number("parameters"), f.Number("seconds"), f.Integer("best"), f.Integer("epochs"), f.Percent("test"));
        }).ToList();
        return Verdicts($"full-profile record ({nets[0].LastEpoch} epochs on {split.Text("train")} images):", nets, split.Integer("test"));
    }

    private sealed record NetworkFigures(string Name, long Parameters, double SecondsPerEpoch, int BestEpoch, int LastEpoch, double Test);

    private static string Verdicts(string heading, IReadOnlyList<NetworkFigures> nets, int testCount)
    {
        string Order(Func<NetworkFigures, double> key) => string.Join(" > ", nets.OrderByDescending(key).Select(n => n.Name));
        var (sizes, accuracies, smallest) = (nets.Select(n => (double)n.Parameters).ToList(), nets.Select(n => n.Test).ToList(), nets.MinBy(n => n.Parameters)!);
        var se = AccuracyNoise.StandardError(accuracies.Average(), testCount);
        var lines = new List<string> { heading };
        lines.AddRange(nets.Select(n => $"  {n.Name,-20} {n.Parameters,9:N0} parameters, {n.SecondsPerEpoch,6:F2} s per epoch, test {n.Test:P1}, " +
            (n.BestEpoch < n.LastEpoch ? $"lowest validation loss at epoch {n.BestEpoch} of {n.LastEpoch}: over-fitting after it" : $"lowest validation loss at the last epoch ({n.LastEpoch})")));
        lines.Add($"  by test accuracy:     {Order(n => n.Test)} (best − worst {100 * (accuracies.Max() - accuracies.Min()):F1} points; one accuracy's standard error {100 * se:F1})");
        lines.Add($"  by parameters:        {Order(n => n.Parameters)}");
        lines.Add($"  by seconds per epoch: {Order(n => n.SecondsPerEpoch)}");
        var (sizeAccuracy, sizeTime) = (RankCorrelation.Spearman(sizes, accuracies), RankCorrelation.Spearman(sizes, nets.Select(n => n.SecondsPerEpoch).ToList()));
        lines.Add($"  rank correlation of size with test accuracy {sizeAccuracy:+0.0;-0.0}: " +
            (sizeAccuracy >= 0.5 ? "the larger networks did better" : sizeAccuracy <= -0.5 ? "the smaller networks did better" : "size did not order accuracy"));
        var fastest = nets.MinBy(n => n.SecondsPerEpoch)!;
        lines.Add($"  rank correlation of size with seconds per epoch {sizeTime:+0.0;-0.0}; the smallest, {smallest.Name}, is " +
            (fastest == smallest ? "also the fastest per epoch" : $"not the fastest per epoch ({fastest.Name} is)"));
        return string.Join("\n", lines);
    }
}
