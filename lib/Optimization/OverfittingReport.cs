namespace DlCourse.Optimization;

/// <summary>
/// What an <see cref="OverfittingVerdict"/> rests on, epoch by epoch: the validation loss and accuracy after every epoch,
/// the validation − training gap, and how far the accuracy jumps from one epoch to the next.
/// </summary>
public sealed class OverfittingReport
{
    private readonly TrainingHistory history;

    private OverfittingReport(TrainingHistory history, OverfittingVerdict verdict)
    {
        this.history = history;
        Verdict = verdict;
        var accuracy = history.ValidationAccuracy.Skip(1).ToArray();
        AccuracyChanges = accuracy.Zip(accuracy.Skip(1), (before, after) => after - before).ToArray();
    }

    /// <summary>The report on a run with validation; the history's rows must be epochs 0 (before training), 1, …, T as both trainers record them.</summary>
    public static OverfittingReport Of(TrainingHistory history) => new(history, OverfittingVerdict.Of(history));

    public OverfittingVerdict Verdict { get; }

    /// <summary>The change of the validation accuracy from each epoch to the next (epoch 1 → 2 first).</summary>
    public IReadOnlyList<double> AccuracyChanges { get; }

    /// <summary>The largest change of the validation accuracy between consecutive epochs, either way (NaN if any is NaN; −∞ after one epoch).</summary>
    public double LargestAccuracyChange => Check.MaxOf(AccuracyChanges.Select(Math.Abs));

    /// <summary>
    /// Adds the run's fields to <paramref name="record"/>: training (epochs and time), final losses, validation − train loss,
    /// validation loss, largest change of validation accuracy between epochs, final validation accuracy.
    /// </summary>
    public RecordedResults AddTo(RecordedResults record)
    {
        ArgumentNullException.ThrowIfNull(record);
        var validation = history.ValidationLoss;
        return record
            .Add("training", $"{history.LastEpoch} epochs in {history.TotalSeconds:F1} s")
            .Add("final losses", $"training {history.TrainLoss[^1]:F4}, validation {validation[^1]:F4}")
            .Add("validation − train loss", $"{Verdict.FirstGap:F4} after epoch 1, {Verdict.LastGap:F4} after epoch {history.LastEpoch}")
            .Add("validation loss", $"{validation[1]:F4} after epoch 1, lowest {history.BestLoss:F4} at epoch {Verdict.BestEpoch} of {history.LastEpoch}, {validation[^1]:F4} at the end")
            .Add("largest change of validation accuracy between epochs", $"{LargestAccuracyChange:P1}")
            .Add("final validation accuracy", $"{history.ValidationAccuracy[^1]:P1}");
    }

    /// <summary>Five lines: validation loss per epoch, the gap, validation accuracy per epoch, its largest change, the verdict.</summary>
    public override string ToString() => string.Join(Environment.NewLine,
        "validation loss per epoch: " + string.Join(" → ", history.ValidationLoss.Skip(1).Select(v => v.ToString("F4"))),
        $"validation − train loss: {Verdict.FirstGap:F4} after epoch 1, {Verdict.LastGap:F4} after epoch {history.LastEpoch}; lowest validation loss at epoch {Verdict.BestEpoch}",
        "validation accuracy per epoch: " + string.Join(" → ", history.ValidationAccuracy.Skip(1).Select(a => a.ToString("P1"))),
        $"largest change between epochs: {LargestAccuracyChange:P1} (a fall at {AccuracyChanges.Count(j => j < 0)} of {AccuracyChanges.Count} epochs)",
        "verdict: " + Verdict);
}
