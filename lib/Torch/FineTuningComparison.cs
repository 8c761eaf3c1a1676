using DlCourse.Metrics;
using DlCourse.Optimization;

namespace DlCourse.Torch;

/// <summary>One way of training a network on a small task, in a <see cref="FineTuningComparison"/>.</summary>
public sealed record FineTuningRun(string Name, double Rate, TrainingHistory History, TestReport Report, ImageClassifier Model);

/// <summary>
/// Ways to train on a task with few images (from scratch, from pre-trained weights, on a frozen backbone) side by side:
/// same seed, data order and epochs, each run checkpointing its best epoch in a folder of its own.
/// </summary>
public sealed class FineTuningComparison
{
    private readonly List<FineTuningRun> runs = [];

    /// <summary>Runs train on <paramref name="data"/> for <paramref name="epochs"/> in batches of <paramref name="batchSize"/>, each from <paramref name="seed"/>, checkpointing under <paramref name="folder"/>.</summary>
    public FineTuningComparison(ImageSplit data, int seed, int epochs, int batchSize, string folder)
    {
        ArgumentNullException.ThrowIfNull(data);
        ArgumentOutOfRangeException.ThrowIfLessThan(epochs, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(batchSize, 1);
        ArgumentException.ThrowIfNullOrWhiteSpace(folder);
        (Data, Seed, Epochs, BatchSize, Folder) = (data, seed, epochs, batchSize, folder);
    }

    public ImageSplit Data { get; }
    public int Seed { get; }
    public int Epochs { get; }
    public int BatchSize { get; }
    public string Folder { get; }
    /// <summary>The runs in the order they were trained.</summary>
    public IReadOnlyList<FineTuningRun> Runs => runs;

    /// <summary>The run named <paramref name="name"/>.</summary>
    public FineTuningRun this[string name] => runs.SingleOrDefault(r => r.Name == name)
        ?? throw new KeyNotFoundException($"No run named '{name}'; the runs are {string.Join(", ", runs.Select(r => r.Name))}.");

    /// <summary>The best-epoch checkpoint the trainer wrote for <paramref name="run"/>.</summary>
    public string BestCheckpoint(FineTuningRun run) => Path.Combine(Folder, run.Name.Replace(' ', '-'), TorchTrainer.BestFile);

    /// <summary>Seeds, builds the network (seeding first gives every run the same new head), trains it with Adam at <paramref name="rate"/>, printing each epoch, and tests it.</summary>
    public FineTuningRun Train(string name, double rate, Func<ImageClassifier> create)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        ArgumentNullException.ThrowIfNull(create);
        if (!(rate > 0)) throw new ArgumentOutOfRangeException(nameof(rate), rate, "The learning rate must be positive.");
        if (runs.Any(r => r.Name == name)) throw new ArgumentException($"A run named '{name}' was already trained; names key the checkpoints and the record.", nameof(name));
        TorchDevice.Seed(Seed);
        var model = create();
        var trainer = new TorchTrainer(model, new Adam(rate), new TrainingOptions
        {
            Epochs = Epochs, CheckpointDirectory = Path.Combine(Folder, name.Replace(' ', '-')),
            Progress = e => Console.WriteLine($"{name,-16} {e}"),
        });
        var history = trainer.Fit(Data.TrainBatches(batchSize: BatchSize), Data.ValidationBatches(), name);
        var run = new FineTuningRun(name, rate, history, trainer.Evaluate(Data.TestBatches()), model);
        runs.Add(run);
        return run;
    }

    /// <summary>One row per run: trainable parameters, rate, best epoch, validation loss there, test accuracy and macro F1.</summary>
    public string Table()
    {
        var lines = new List<string> { $"{"",-16} {"trainable",9} {"rate",6} {"best epoch",10} {"val loss",9} {"test acc",8} {"macro F1",8}" };
        lines.AddRange(runs.Select(r =>
            $"{r.Name,-16} {r.Model.ParameterCount(trainableOnly: true),9:N0} {r.Rate,6:0e+0} {r.History.BestEpoch,10} {r.History.BestLoss,9:F4} {r.Report.Accuracy,8:P1} {r.Report.MacroF1,8:F3}"));
        return string.Join("\n", lines);
    }

    /// <summary>Run <paramref name="a"/> against run <paramref name="b"/>: the test difference against its noise, and which reached the lower validation loss.</summary>
    public string Compare(string a, string b)
    {
        var (first, second) = (this[a], this[b]);
        var (pa, pb) = (first.Report.Accuracy, second.Report.Accuracy);
        var se = AccuracyNoise.DifferenceStandardError(pa, pb, first.Report.Truth.Length);
        var onTest = AccuracyNoise.WithinNoise(pa - pb, se) ? "no clear difference on the test set" : pa > pb ? $"{a} ahead on the test set" : $"{b} ahead on the test set";
        return $"{100 * (pa - pb):+0.0;-0.0} points of test accuracy ({Math.Abs(pa - pb) / se:F1} standard errors of the difference, {100 * se:F1} points): {onTest}; " +
            $"lowest validation loss {first.History.BestLoss:F4} against {second.History.BestLoss:F4}, lower for {(first.History.BestLoss < second.History.BestLoss ? a : b)}";
    }

    /// <summary>This run's verdicts, one line per pair of <paramref name="comparisons"/> (<see cref="Compare"/>), under a heading
    /// that gives the task's size; each line ends in a newline, as in <see cref="RecordedResults.Show"/>.</summary>
    public string Verdicts(params (string A, string B)[] comparisons)
    {
        ArgumentNullException.ThrowIfNull(comparisons);
        if (comparisons.Length == 0) throw new ArgumentException("Name at least one pair of runs to compare.", nameof(comparisons));
        var lines = comparisons.Select(c => $"  {c.A} − {c.B}: {Compare(c.A, c.B)}\n");
        return $"this run (task B: {TaskSize}):\n" + string.Concat(lines);
    }

    /// <summary>
    /// The full-profile record: the pre-training as <paramref name="pretraining"/> describes it (key "task A"), this task
    /// ("task B"), each run (keyed by its name) and each of <paramref name="comparisons"/> (keyed "a − b").
    /// </summary>
    public RecordedResults Record(string name, string pretraining, params (string A, string B)[] comparisons)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(pretraining);
        var record = new RecordedResults(name)
            .Add("task A", pretraining)
            .Add("task B", TaskSize);
        foreach (var r in runs)
            record.Add(r.Name, $"best epoch {r.History.BestEpoch}, validation loss {r.History.BestLoss:F4}, test accuracy {r.Report.Accuracy:P1}, macro F1 {r.Report.MacroF1:F3}");
        foreach (var (a, b) in comparisons) record.Add($"{a} − {b}", Compare(a, b));
        return record;
    }

    private string TaskSize => $"{Data.Train.Count} training images, {Epochs} epochs, {Data.Test.Count} test images";
}
