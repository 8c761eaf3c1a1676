using DlCourse.Optimization;

namespace DlCourse.Torch;

/// <summary>The history of a training run, epoch by epoch, with the best epoch and why it stopped; gives the series for curves.</summary>
public sealed class TrainingLog
{
    public List<EpochResult> Epochs { get; init; } = [];
    public StopReason StopReason { get; set; } = StopReason.Completed;
    /// <summary>1-based epoch with the lowest validation loss (or training loss without validation); 0 before any.</summary>
    public int BestEpoch { get; set; }
    public double BestLoss { get; set; } = double.PositiveInfinity;
    /// <summary>The device description the run trained on.</summary>
    public string Device { get; set; } = "";

    public double TotalSeconds => Epochs.Sum(e => e.Seconds);

    public double SecondsPerEpoch => Epochs.Count == 0 ? double.NaN : TotalSeconds / Epochs.Count;

    /// <summary>The same numbers as a <see cref="TrainingHistory"/>, for <c>Charts.LossCurves</c>, <c>AccuracyCurves</c> and <c>CompareRuns</c>.</summary>
    public TrainingHistory ToHistory(string name = "")
    {
        var history = new TrainingHistory { Name = name };
        var validated = Epochs.Any(e => !double.IsNaN(e.ValidationLoss));
        foreach (var e in Epochs)
        {
            history.Epochs.Add(e.Epoch);
            history.TrainLoss.Add(e.TrainLoss);
            history.TrainAccuracy.Add(e.TrainAccuracy);
            history.LearningRates.Add(e.LearningRate);
            if (!validated) continue;
            history.ValidationLoss.Add(e.ValidationLoss);
            history.ValidationAccuracy.Add(e.ValidationAccuracy);
        }
        if (StopReason == StopReason.EarlyStopping && Epochs.Count > 0) history.StoppedEpoch = Epochs[^1].Epoch;
        return history;
    }

    public override string ToString() =>
        $"{Epochs.Count} epochs on {Device}, {StopReason}; best epoch {BestEpoch} (loss {BestLoss:F4}), {SecondsPerEpoch:F2} s/epoch";
}
