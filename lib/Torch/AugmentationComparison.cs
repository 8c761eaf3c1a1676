using DlCourse.Metrics;
using DlCourse.Optimization;

namespace DlCourse.Torch;

/// <summary>One network of an <see cref="AugmentationComparison"/>: its training, its test report and its kept weights on the un-augmented training images.</summary>
public sealed record AugmentationRun(string Name, TrainingHistory History, TestReport Report, TestReport CleanTrain, long Parameters);

/// <summary>
/// The same network trained twice, from the same seed, data order and schedule, once on the plain training images and
/// once on augmented ones, then set side by side: gaps, test accuracy and the difference against its noise.
/// </summary>
public sealed class AugmentationComparison
{
    public const string Plain = "without augmentation";
    public const string Augmented = "with augmentation";
    private readonly List<AugmentationRun> runs = [];

    /// <summary>Both runs build their network with <paramref name="create"/> after seeding with <paramref name="seed"/> and train with Adam on <paramref name="schedule"/>.</summary>
    public AugmentationComparison(ImageSplit data, Augmentation augmentation, int seed, int epochs, Func<ImageClassifier> create, LearningRateSchedule schedule)
    {
        ArgumentNullException.ThrowIfNull(data);
        ArgumentNullException.ThrowIfNull(augmentation);
        ArgumentNullException.ThrowIfNull(create);
        ArgumentNullException.ThrowIfNull(schedule);
        ArgumentOutOfRangeException.ThrowIfLessThan(epochs, 1);
        if (augmentation.IsIdentity) throw new ArgumentException("The augmentation changes nothing: both runs would be the same.", nameof(augmentation));
        (Data, Augmentation, Seed, Epochs, this.create, this.schedule) = (data, augmentation, seed, epochs, create, schedule);
    }

    private readonly Func<ImageClassifier> create;
    private readonly LearningRateSchedule schedule;
    public ImageSplit Data { get; }
    public Augmentation Augmentation { get; }
    public int Seed { get; }
    public int Epochs { get; }
    /// <summary>The runs trained so far: the plain one, then the augmented one.</summary>
    public IReadOnlyList<AugmentationRun> Runs => runs;
    public AugmentationRun this[string name] => runs.SingleOrDefault(r => r.Name == name)
        ?? throw new KeyNotFoundException($"No run named '{name}' yet; train first.");

    /// <summary>Trains the network without and then with the augmentation, printing each run's name and epochs.</summary>
    public void Train()
    {
        if (runs.Count > 0) throw new InvalidOperationException("Both runs are already trained.");
        foreach (var (name, augmentation) in new[] { (Plain, Augmentation.None), (Augmented, Augmentation) })
        {
            Console.WriteLine(name);
            TorchDevice.Seed(Seed);
            var model = create();
            var trainer = new TorchTrainer(model, new Adam(schedule(1)), new TrainingOptions { Epochs = Epochs, Schedule = schedule });
            var history = trainer.Fit(Data.TrainBatches(augmentation: augmentation), Data.ValidationBatches(), name);
            // "clean train": the kept weights evaluated on the training images without augmentation.
            runs.Add(new AugmentationRun(name, history, trainer.Evaluate(Data.TestBatches()), trainer.Evaluate(Data.TrainBatches(augmentation: Augmentation.None)), model.ParameterCount()));
        }
    }

    /// <summary>One row per run: last epoch's train and validation accuracy and their gap, clean-train and test accuracy, macro F1, seconds per epoch.</summary>
    public string Table()
    {
        var lines = new List<string> { $"{"",-22} {"train acc",9} {"val acc",8} {"gap",6} {"clean train",11} {"test acc",8} {"macro F1",8} {"s/epoch",8}" };
        lines.AddRange(runs.Select(r =>
        {
            var last = r.History.Epochs[^1];
            return $"{r.Name,-22} {last.TrainAccuracy,9:P1} {last.ValidationAccuracy,8:P1} {100 * (last.TrainAccuracy - last.ValidationAccuracy),6:+0.0;-0.0} {r.CleanTrain.Accuracy,11:P1} {r.Report.Accuracy,8:P1} {r.Report.MacroF1,8:F3} {r.History.SecondsPerEpoch,8:F2}";
        }));
        return string.Join("\n", lines);
    }

    /// <summary>
    /// The full-profile record: the data, the network (<paramref name="architecture"/> at <paramref name="width"/>, trained
    /// by <paramref name="training"/>), each run and the difference, under the names <see cref="RecordVerdicts"/> reads back.
    /// </summary>
    public RecordedResults Record(string name, string architecture, int width, string training)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(architecture);
        ArgumentException.ThrowIfNullOrWhiteSpace(training);
        var (plain, augmented) = (this[Plain], this[Augmented]);
        return new RecordedResults(name)
            .Add("data", Data.ToString())
            .Add("network", $"{architecture} at width {width}, {plain.Parameters:N0} parameters, {Epochs} epochs of {training}")
            .Add(Plain, Result(plain))
            .Add(Augmented, Result(augmented))
            .Add("augmented − plain", $"{100 * (augmented.Report.Accuracy - plain.Report.Accuracy):+0.0;-0.0} points of test accuracy, " +
                $"{augmented.Report.MacroF1 - plain.Report.MacroF1:+0.000;-0.000} macro F1");
    }

    /// <summary>What this comparison shows, under <paramref name="heading"/>: each run's gaps and stopping point, and augmented − plain against its noise.</summary>
    public string Verdicts(string heading) => Verdicts(heading, Figures.Of(this[Plain]), Figures.Of(this[Augmented]), Data.Test.Count);

    /// <summary>
    /// The same verdicts read from a full-profile record that <see cref="Record"/> wrote, with the cost of augmentation per
    /// epoch and the augmented test accuracy against <paramref name="benchmark"/> (an accuracy and what it is); or a line saying there is no record.
    /// </summary>
    public static string RecordVerdicts(RecordedResults record, (double Accuracy, string Source) benchmark)
    {
        ArgumentNullException.ThrowIfNull(record);
        if (!(benchmark.Accuracy is >= 0 and <= 1)) throw new ArgumentOutOfRangeException(nameof(benchmark), benchmark.Accuracy, "A benchmark accuracy is a fraction in [0, 1].");
        var recorded = record.ReadValues();
        if (recorded.Count == 0) return $"no full-profile record to read ({record.Path})";
        var split = RecordedFields.Read(recorded["data"], ImageSplit.DescriptionPattern);
        var network = RecordedFields.Read(recorded["network"], "{architecture} at width {width}, {parameters} parameters, {epochs} epochs of {training}");
        var (plain, augmented) = (Figures.Read(recorded[Plain]), Figures.Read(recorded[Augmented]));
        var difference = RecordedFields.Read(recorded["augmented − plain"], "{test} points of test accuracy, {f1} macro F1");
        // The record keeps the test difference itself: subtracting its two rounded accuracies can be 0.1 point off.
        return Verdicts($"full-profile record (width {network.Text("width")}, {network.Text("epochs")} epochs, {split.Text("train")} training images):",
                plain, augmented, split.Integer("test"), difference.Number("test") / 100) + "\n" +
            $"  augmentation's cost: {augmented.Seconds - plain.Seconds:+0;-0} s per epoch ({plain.Seconds:F0} → {augmented.Seconds:F0} s)\n" +
            $"  against {benchmark.Source}: {Points(augmented.Test - benchmark.Accuracy)} points";
    }

    private static string Result(AugmentationRun r) =>
        $"last epoch train {r.History.Epochs[^1].TrainAccuracy:P1} (loss {r.History.Epochs[^1].TrainLoss:F3}), validation {r.History.Epochs[^1].ValidationAccuracy:P1}; " +
        $"clean train {r.CleanTrain.Accuracy:P1}; lowest validation loss at epoch {r.History.BestEpoch} of {r.History.LastEpoch}; " +
        $"test {r.Report.Accuracy:P1}, macro F1 {r.Report.MacroF1:F3}; {r.History.SecondsPerEpoch:F0} s per epoch";

    // One run's figures, from this run or read back from the record by the pattern Result writes them with.
    private sealed record Figures(double Train, double TrainLoss, double Validation, double CleanTrain, int BestEpoch, int LastEpoch, double Test, double MacroF1, double Seconds)
    {
        public static Figures Of(AugmentationRun r) => new(
            r.History.Epochs[^1].TrainAccuracy, r.History.Epochs[^1].TrainLoss, r.History.Epochs[^1].ValidationAccuracy, r.CleanTrain.Accuracy,
            r.History.BestEpoch!.Value, r.History.LastEpoch, r.Report.Accuracy, r.Report.MacroF1, r.History.SecondsPerEpoch);

        public static Figures Read(string text)
        {
            var f = RecordedFields.Read(text, "last epoch train {train} % (loss {loss}), validation {validation} %; clean train {clean} %; " +
                "lowest validation loss at epoch {best} of {last}; test {test} %, macro F1 {f1}; {seconds} s per epoch");
            return new(f.Percent("train"), f.Number("loss"), f.Percent("validation"), f.Percent("clean"), f.Integer("best"), f.Integer("last"),
                f.Percent("test"), f.Number("f1"), f.Number("seconds"));
        }
    }

    private static string Points(double difference) => $"{100 * difference:+0.0;-0.0}";

    private static string Verdicts(string heading, Figures plain, Figures augmented, int testCount, double? recordedDifference = null)
    {
        var se = AccuracyNoise.DifferenceStandardError(plain.Test, augmented.Test, testCount);
        var testDifference = recordedDifference ?? augmented.Test - plain.Test;
        static string Stopped(Figures r) => r.BestEpoch < r.LastEpoch
            ? $"lowest validation loss at epoch {r.BestEpoch} of {r.LastEpoch}: over-fitting after it"
            : $"lowest validation loss at the last epoch ({r.LastEpoch}): still improving";
        static string Row(string name, Figures r) => $"  {name}: train {r.Train:P1} as trained (loss {r.TrainLoss:F3}), validation {r.Validation:P1}, gap {Points(r.Train - r.Validation)} points; " +
            $"kept weights: clean train {r.CleanTrain:P1}, test {r.Test:P1}, clean train − test {Points(r.CleanTrain - r.Test)} points; {Stopped(r)}";
        return string.Join("\n", heading, Row(Plain, plain), Row(Augmented.PadRight(Plain.Length), augmented),
            $"  augmented − plain: test {Points(testDifference)} points ({Math.Abs(testDifference) / se:F1} standard errors of the difference, {100 * se:F1} points), " +
            $"macro F1 {augmented.MacroF1 - plain.MacroF1:+0.000;-0.000}, validation {Points(augmented.Validation - plain.Validation)}, clean train {Points(augmented.CleanTrain - plain.CleanTrain)} points: " +
            (AccuracyNoise.WithinNoise(testDifference, se) ? "no clear difference on the test set" : testDifference > 0 ? "augmentation helped on the test set" : "augmentation cost test accuracy"));
    }
}
