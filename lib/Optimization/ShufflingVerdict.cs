namespace DlCourse.Optimization;

/// <summary>
/// Whether the largest mini-batch losses of a run over a set sorted by label (two classes) fall where the class changes,
/// against a run over the same set shuffled every epoch.
/// </summary>
public sealed class ShufflingVerdict
{
    private readonly MiniBatchLosses ordered;
    private readonly MiniBatchLosses shuffled;

    private ShufflingVerdict(MiniBatchLosses ordered, MiniBatchLosses shuffled, int switchStep)
    {
        (this.ordered, this.shuffled) = (ordered, shuffled);
        // The second class begins at switchStep in every epoch; the first begins again at step 1 from the second epoch on.
        PeaksAtSwitch = ordered.PeakSteps.Where((peak, epoch) => peak == switchStep || (epoch > 0 && peak == 1)).Count();
    }

    /// <summary>The verdict on the sorted run <paramref name="ordered"/>, whose second class begins at step <paramref name="switchStep"/> of each epoch.</summary>
    public static ShufflingVerdict Of(MiniBatchLosses ordered, MiniBatchLosses shuffled, int switchStep)
    {
        ArgumentNullException.ThrowIfNull(ordered);
        ArgumentNullException.ThrowIfNull(shuffled);
        if (switchStep < 1 || switchStep > ordered.StepsPerEpoch)
            throw new ArgumentOutOfRangeException(nameof(switchStep), switchStep, $"The class switch must be a step of the epoch, 1 to {ordered.StepsPerEpoch}.");
        return new ShufflingVerdict(ordered, shuffled, switchStep);
    }

    /// <summary>In how many epochs of the sorted run the largest loss fell at a class switch.</summary>
    public int PeaksAtSwitch { get; }

    /// <summary>The sorted run's largest loss over the shuffled run's, after the first epoch.</summary>
    public double SpikeRatio => ordered.Max / shuffled.Max;

    /// <summary>One sentence: where the sorted run's spikes fall and how large they are, and how the shuffled losses scatter.</summary>
    public override string ToString()
    {
        int epochs = ordered.PeakSteps.Count;
        return $"unshuffled, the largest loss of {(PeaksAtSwitch == epochs ? "every epoch" : $"{PeaksAtSwitch} of {epochs} epochs")} falls at a class switch, " +
               $"up to {ordered.Max:F3}, {SpikeRatio:F1}× the shuffled maximum; shuffled, the mini-batch loss is not smooth either: " +
               $"it scatters over {shuffled.Range} after the first epoch, its largest loss at step {string.Join(", ", shuffled.PeakSteps)} of the epochs " +
               $"({(shuffled.PeakSteps.Distinct().Count() > 1 ? "no fixed step" : "always the same step")})";
    }
}
