namespace DlCourse.Optimization;

/// <summary>
/// The mini-batch losses a run recorded (<see cref="TrainingOptions.RecordSteps"/>), epoch by epoch: their range after the
/// first epoch, each epoch's mean, and the step at which each epoch's largest loss fell.
/// </summary>
public sealed class MiniBatchLosses
{
    private MiniBatchLosses(IReadOnlyList<double[]> byEpoch)
    {
        StepsPerEpoch = byEpoch[0].Length;
        EpochMeans = byEpoch.Select(losses => losses.Average()).ToArray();
        PeakSteps = byEpoch.Select(losses => Array.IndexOf(losses, losses.Max()) + 1).ToArray();
        // The first epoch starts from an untrained model: its large early losses say nothing about the order of the data.
        var afterFirst = byEpoch.Skip(1).SelectMany(losses => losses).ToArray();
        Min = afterFirst.Min();
        Max = Check.MaxOf(afterFirst);
    }

    /// <summary>The losses of <paramref name="history"/>, which must have recorded every step of at least two epochs.</summary>
    public static MiniBatchLosses Of(TrainingHistory history)
    {
        ArgumentNullException.ThrowIfNull(history);
        var byEpoch = history.StepLossByEpoch;
        if (byEpoch.Count < 2 || byEpoch[0].Length == 0)
            throw new ArgumentException("The run must record its mini-batch losses (RecordSteps = true) over at least two epochs.", nameof(history));
        return new MiniBatchLosses(byEpoch);
    }

    public int StepsPerEpoch { get; }

    /// <summary>The mean mini-batch loss of each epoch.</summary>
    public IReadOnlyList<double> EpochMeans { get; }

    /// <summary>For each epoch, the step (1 = its first) with the largest mini-batch loss.</summary>
    public IReadOnlyList<int> PeakSteps { get; }

    /// <summary>The smallest mini-batch loss after the first epoch.</summary>
    public double Min { get; }

    /// <summary>The largest mini-batch loss after the first epoch (NaN if any is NaN).</summary>
    public double Max { get; }

    /// <summary>"min–max" of the losses after the first epoch.</summary>
    public string Range => $"{Min:F3}–{Max:F3}";

    /// <summary>Each epoch's <see cref="PeakSteps"/> "of" the steps per epoch, e.g. "10, 10, 9 of 19".</summary>
    public string PeakStepsOfEpoch => $"{string.Join(", ", PeakSteps)} of {StepsPerEpoch}";

    /// <summary>The epoch means, first to last, joined by arrows.</summary>
    public string EpochMeansTrail => string.Join(" → ", EpochMeans.Select(mean => mean.ToString("F3")));
}
