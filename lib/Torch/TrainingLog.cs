using DlCourse.Plotting;

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

    /// <summary>Training and validation loss against epoch, for <see cref="Charts.Lines"/>.</summary>
    public IEnumerable<Series> LossSeries(string prefix = "") => Pair(prefix, e => e.TrainLoss, e => e.ValidationLoss);

    /// <summary>Training and validation accuracy against epoch.</summary>
    public IEnumerable<Series> AccuracySeries(string prefix = "") => Pair(prefix, e => e.TrainAccuracy, e => e.ValidationAccuracy);

    private IEnumerable<Series> Pair(string prefix, Func<EpochResult, double> train, Func<EpochResult, double> validation)
    {
        var x = Epochs.Select(e => (double)e.Epoch).ToArray();
        yield return new Series($"{prefix}train", x, Epochs.Select(train).ToArray());
        if (Epochs.Any(e => !double.IsNaN(e.ValidationLoss)))
            yield return new Series($"{prefix}validation", x, Epochs.Select(validation).ToArray());
    }

    public override string ToString() =>
        $"{Epochs.Count} epochs on {Device}, {StopReason}; best epoch {BestEpoch} (loss {BestLoss:F4}), {SecondsPerEpoch:F2} s/epoch";
}
