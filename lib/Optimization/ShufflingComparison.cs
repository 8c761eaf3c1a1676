namespace DlCourse.Optimization;

/// <summary>
/// Two runs over the same data for the same epochs, one shuffled every epoch and one in a fixed order: their mini-batch
/// losses (<see cref="MiniBatchLosses"/>) and their last validation loss.
/// </summary>
public sealed class ShufflingComparison
{
    private ShufflingComparison(TrainingHistory shuffled, TrainingHistory ordered)
    {
        (ShuffledRun, OrderedRun) = (shuffled, ordered);
        (Shuffled, Ordered) = (MiniBatchLosses.Of(shuffled), MiniBatchLosses.Of(ordered));
    }

    /// <summary>The comparison of <paramref name="shuffled"/> with <paramref name="ordered"/>: runs with validation that recorded every step of as many epochs.</summary>
    public static ShufflingComparison Of(TrainingHistory shuffled, TrainingHistory ordered)
    {
        ArgumentNullException.ThrowIfNull(shuffled);
        ArgumentNullException.ThrowIfNull(ordered);
        if (!shuffled.HasValidation || !ordered.HasValidation)
            throw new ArgumentException("Both runs must measure a validation loss.", shuffled.HasValidation ? nameof(ordered) : nameof(shuffled));
        if (shuffled.LastEpoch != ordered.LastEpoch)
            throw new ArgumentException($"The runs trained {shuffled.LastEpoch} and {ordered.LastEpoch} epochs; compare runs of as many epochs.", nameof(ordered));
        return new ShufflingComparison(shuffled, ordered);
    }

    public TrainingHistory ShuffledRun { get; }

    public TrainingHistory OrderedRun { get; }

    /// <summary>The mini-batch losses of the run shuffled every epoch.</summary>
    public MiniBatchLosses Shuffled { get; }

    /// <summary>The mini-batch losses of the run in a fixed order.</summary>
    public MiniBatchLosses Ordered { get; }

    /// <summary>The <see cref="ShufflingVerdict"/> on the fixed order, whose second class begins at step <paramref name="switchStep"/> of each epoch.</summary>
    public ShufflingVerdict Verdict(int switchStep) => ShufflingVerdict.Of(Ordered, Shuffled, switchStep);

    /// <summary>Three lines: the losses' range after the first epoch, each epoch's mean loss, and the last validation loss, shuffled and unshuffled.</summary>
    public override string ToString() => string.Join(Environment.NewLine,
        $"mini-batch losses after the first epoch: shuffled {Shuffled.Range}, unshuffled {Ordered.Range}",
        $"mean mini-batch loss of each epoch: shuffled {Shuffled.EpochMeansTrail}; unshuffled {Ordered.EpochMeansTrail}",
        $"validation loss after {OrderedRun.LastEpoch} epochs: shuffled {ShuffledRun.ValidationLoss[^1]:F4}, unshuffled {OrderedRun.ValidationLoss[^1]:F4}");
}
