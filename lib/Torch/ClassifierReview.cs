using DlCourse.Metrics;
using DlCourse.Optimization;

namespace DlCourse.Torch;

/// <summary>
/// What one trained classifier's history and test report say: whether it over-fitted, where its test errors fall among
/// groups of similar classes, and its scores per class, as sentences and as a full-profile record.
/// </summary>
public sealed class ClassifierReview
{
    private readonly double[] f1;

    public ClassifierReview(TrainingHistory history, TestReport report, IReadOnlyList<string> classNames)
    {
        ArgumentNullException.ThrowIfNull(history);
        ArgumentNullException.ThrowIfNull(report);
        ArgumentNullException.ThrowIfNull(classNames);
        if (!history.HasValidation || history.Best is null) throw new ArgumentException("The history has no validation loss to review; train with a validation set.", nameof(history));
        if (classNames.Count != report.Confusion.ClassCount)
            throw new ArgumentException($"{classNames.Count} class names for a {report.Confusion.ClassCount}-class confusion matrix.", nameof(classNames));
        (History, Report, ClassNames) = (history, report, classNames);
        var cm = report.Confusion;
        f1 = Enumerable.Range(0, cm.ClassCount).Select(k => PrecisionRecallF1.FromCounts(cm.TruePositives(k), cm.FalsePositives(k), cm.FalseNegatives(k)).F1).ToArray();
    }

    public TrainingHistory History { get; }
    public TestReport Report { get; }
    public IReadOnlyList<string> ClassNames { get; }
    /// <summary>Each class's test F1, in class order.</summary>
    public IReadOnlyList<double> F1 => f1;

    /// <summary>Train − validation accuracy of one epoch in points, signed, one decimal.</summary>
    // + 0.0: no "-+0.0" for a gap that rounds to zero.
    public static string Gap(EpochResult epoch) => $"{Math.Round(100 * epoch.AccuracyGap, 1) + 0.0:+0.0;-0.0}";

    /// <summary>Each trained epoch's training and validation accuracy and their <see cref="Gap"/>, one line per epoch.</summary>
    public static string GapPerEpoch(TrainingHistory history)
    {
        ArgumentNullException.ThrowIfNull(history);
        if (!history.HasValidation) throw new ArgumentException("The history has no validation accuracy; train with a validation set.", nameof(history));
        if (history.Trained.FirstOrDefault(e => double.IsNaN(e.TrainAccuracy) || double.IsNaN(e.ValidationAccuracy)) is { } missing)
            throw new ArgumentException($"Epoch {missing.Epoch} has no training or validation accuracy (NaN), so no gap.", nameof(history));
        return string.Join("\n", history.Trained.Select(e => $"epoch {e.Epoch}: train {e.TrainAccuracy:P1}, validation {e.ValidationAccuracy:P1}, gap {Gap(e)} points"));
    }

    /// <summary>Whether the validation loss rose after its lowest, with the losses and accuracy gaps behind the verdict.</summary>
    public string OverFitting()
    {
        var (best, last, afterBest) = (History.Best!, History.Epochs[^1], History.EpochsAfterBest);
        return afterBest.Count > 0
            ? $"yes: lowest validation loss at epoch {best.Epoch} of {History.LastEpoch} ({best.ValidationLoss:F3}), then up to {afterBest.Max(e => e.ValidationLoss):F3} " +
              $"({last.ValidationLoss:F3} at the last epoch); gap {Gap(best)} points there, {Gap(last)} at the last epoch"
            : $"not yet: lowest validation loss at the last epoch ({best.Epoch} of {History.LastEpoch}, {best.ValidationLoss:F3}); gap {Gap(last)} points there";
    }

    /// <summary>How many test errors take one class of <paramref name="group"/> for another of it, and the most frequent error overall.</summary>
    public string Confusions(IReadOnlyList<string> group)
    {
        var cm = Report.Confusion;
        var (errors, mostFrequent) = (cm.ErrorsAmong(Indices(group)), cm.MostFrequentErrors()[0]);
        return $"{errors} of {cm.Errors} test errors ({(double)errors / cm.Errors:P0}) take one of {string.Join(", ", group)} for another; " +
            $"most frequent error: {ClassNames[mostFrequent.Truth]} taken for {ClassNames[mostFrequent.Predicted]} ({mostFrequent.Count} times)";
    }

    /// <summary>Accuracy and macro F1 with their difference, then the range of F1 within each named group of classes.</summary>
    public string Scores(params (string Label, IReadOnlyList<string> Classes)[] groups) =>
        $"accuracy {Report.Accuracy:P2}, macro F1 {Report.MacroF1:F4} (difference {Report.MacroF1 - Report.Accuracy:+0.0000;-0.0000}); " +
        string.Join(", ", groups.Select(g => { var scores = Indices(g.Classes).Select(k => f1[k]).ToList(); return $"{g.Label} {scores.Min():F2} to {scores.Max():F2}"; }));

    /// <summary>The full-profile record: the training and test figures, then the verdicts (over-fitting, and the <paramref name="errors"/> and <paramref name="scores"/> as printed).</summary>
    public RecordedResults Record(string name, ImageSplit data, string errors, string scores)
    {
        ArgumentNullException.ThrowIfNull(data);
        ArgumentException.ThrowIfNullOrWhiteSpace(errors);
        ArgumentException.ThrowIfNullOrWhiteSpace(scores);
        var (best, last, afterBest) = (History.Best!, History.Epochs[^1], History.EpochsAfterBest);
        var byF1 = Enumerable.Range(0, f1.Length).OrderBy(k => f1[k]).ToArray();
        return new RecordedResults(name)
            .Add("data", data.ToString())
            .Add("training", $"{History.LastEpoch} epochs, {History.SecondsPerEpoch:F1} s per epoch (training and validation)")
            .Add("lowest validation loss", $"epoch {best.Epoch}: {best.ValidationLoss:F3}, validation accuracy {best.ValidationAccuracy:P1}")
            .Add("validation loss after it", afterBest.Count > 0 ? $"{afterBest.Min(e => e.ValidationLoss):F3} to {afterBest.Max(e => e.ValidationLoss):F3}" : "none (the last epoch was the best)")
            .Add("gap at the best and last epochs", $"{Gap(best)} and {Gap(last)} points")
            .Add("final training accuracy", $"{last.TrainAccuracy:P1}")
            .Add("test (best-validation weights)", Report.ToString())
            .Add("weakest and strongest class", $"{ClassNames[byF1[0]]} (F1 {f1[byF1[0]]:F2}), {ClassNames[byF1[^1]]} ({f1[byF1[^1]]:F2})")
            .Add("over-fitting", OverFitting())
            .Add("errors", errors)
            .Add("test scores", scores);
    }

    private int[] Indices(IReadOnlyList<string> classes) => classes.Select(n =>
    {
        var k = ClassNames.ToList().IndexOf(n);
        return k >= 0 ? k : throw new ArgumentException($"'{n}' is not one of the classes ({string.Join(", ", ClassNames)}).", nameof(classes));
    }).ToArray();
}
