using DlCourse.Optimization;
using Plotly.NET;

namespace DlCourse.Plotting;

public static partial class Charts
{
    /// <summary>Train and validation loss per epoch (validation only when recorded).</summary>
    public static GenericChart LossCurves(TrainingHistory history, string? title = null, bool logY = false) =>
        Lines(title ?? Titled(history, "loss per epoch"), "epoch", "loss",
            Curves(history, (Metric.TrainLoss, "train"), (Metric.ValidationLoss, "validation")), logY);

    /// <summary>Train and validation accuracy per epoch.</summary>
    public static GenericChart AccuracyCurves(TrainingHistory history, string? title = null) =>
        Lines(title ?? Titled(history, "accuracy per epoch"), "epoch", "accuracy",
            Curves(history, (Metric.TrainAccuracy, "train"), (Metric.ValidationAccuracy, "validation")));

    /// <summary>Several runs on one chart, one line per run named by <see cref="TrainingHistory.Name"/> (e.g. one per learning rate).</summary>
    public static GenericChart CompareRuns(IEnumerable<TrainingHistory> runs, Metric metric = Metric.TrainLoss, string? title = null, bool logY = false) =>
        Lines(title ?? $"{Describe(metric)} per epoch", "epoch", Describe(metric),
            runs.Select(run => new Series(run.Name, run.EpochNumbers, Values(run, metric))), logY);

    /// <summary>
    /// Mini-batch loss of every step of several runs, against the number of gradient evaluations (examples seen) so that
    /// SGD and batch gradient descent share one x axis; needs <see cref="TrainingOptions.RecordSteps"/>.
    /// </summary>
    public static GenericChart StepLoss(IEnumerable<TrainingHistory> runs, string? title = null, bool logY = false) =>
        Lines(title ?? "loss per step", "gradient evaluations (examples)", "mini-batch loss",
            runs.Select(run => new Series(run.Name, run.StepExamples.Select(e => (double)e).ToArray(), run.StepLoss)), logY);

    /// <summary>The values of one metric per epoch.</summary>
    public static IReadOnlyList<double> Values(TrainingHistory history, Metric metric) => metric switch
    {
        Metric.TrainLoss => history.TrainLoss,
        Metric.ValidationLoss => history.ValidationLoss,
        Metric.TrainAccuracy => history.TrainAccuracy,
        Metric.ValidationAccuracy => history.ValidationAccuracy,
        _ => throw new ArgumentOutOfRangeException(nameof(metric)),
    };

    private static IEnumerable<Series> Curves(TrainingHistory history, params (Metric Metric, string Name)[] curves) =>
        curves.Where(c => Values(history, c.Metric).Count == history.Epochs.Count)
              .Select(c => new Series(c.Name, history.EpochNumbers, Values(history, c.Metric)));

    private static string Describe(Metric metric) => metric switch
    {
        Metric.TrainLoss => "train loss",
        Metric.ValidationLoss => "validation loss",
        Metric.TrainAccuracy => "train accuracy",
        _ => "validation accuracy",
    };

    private static string Titled(TrainingHistory history, string what) => history.Name.Length > 0 ? $"{history.Name}: {what}" : what;
}
