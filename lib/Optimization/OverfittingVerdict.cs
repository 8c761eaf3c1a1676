namespace DlCourse.Optimization;

/// <summary>Whether a run over-fitted, read from its history. Over-fitting is a validation − training loss gap that grows
/// while the validation loss turns up: rises at every epoch, for two epochs at least, after its lowest.</summary>
public sealed class OverfittingVerdict
{
    private OverfittingVerdict(double firstGap, double lastGap, int bestEpoch, int lastEpoch, double bestLoss, double finalLoss,
        (int Epoch, double Size) largestEarlierRise, bool turnsUp)
    {
        FirstGap = firstGap;
        LastGap = lastGap;
        BestEpoch = bestEpoch;
        LastEpoch = lastEpoch;
        BestLoss = bestLoss;
        FinalLoss = finalLoss;
        LargestEarlierRise = largestEarlierRise;
        TurnsUp = turnsUp;
    }

    /// <summary>The verdict on a run with validation whose rows are epochs 0 (before training), 1, …, T with T ≥ 1, as both trainers record them.</summary>
    public static OverfittingVerdict Of(TrainingHistory history)
    {
        ArgumentNullException.ThrowIfNull(history);
        if (!history.HasValidation) throw new ArgumentException("The run has no validation loss to judge over-fitting by; train with a validation set.", nameof(history));
        if (history.Epochs.Where((e, row) => e.Epoch != row).Any() || history.LastEpoch < 1)
            throw new ArgumentException("The history's rows must be epochs 0 (before training), 1, 2, … with at least one epoch trained.", nameof(history));
        var validation = history.ValidationLoss;
        var train = history.TrainLoss;
        int best = history.BestEpoch!.Value, last = history.LastEpoch;
        bool turnsUp = last - best >= 2 && Enumerable.Range(best + 1, last - best).All(t => validation[t] > validation[t - 1]);
        // Rises before the lowest (from epoch 1 on), to tell a wobble after it from a turn.
        var earlierRise = Enumerable.Range(2, Math.Max(0, best - 1)).Select(t => (Epoch: t, Size: validation[t] - validation[t - 1]))
            .DefaultIfEmpty((Epoch: 0, Size: 0.0)).MaxBy(r => r.Size);
        return new OverfittingVerdict(validation[1] - train[1], validation[^1] - train[^1], best, last, history.BestLoss, validation[^1],
            earlierRise, turnsUp);
    }

    /// <summary>Validation − training loss after epoch 1.</summary>
    public double FirstGap { get; }

    /// <summary>Validation − training loss after the last epoch.</summary>
    public double LastGap { get; }

    /// <summary>The epoch with the lowest validation loss (the first if tied).</summary>
    public int BestEpoch { get; }

    public int LastEpoch { get; }

    /// <summary>The lowest validation loss.</summary>
    public double BestLoss { get; }

    /// <summary>The validation loss after the last epoch.</summary>
    public double FinalLoss { get; }

    /// <summary>The largest change of the validation loss from one epoch to the next up to its lowest (from epoch 1 on; (0, 0) when there is none).</summary>
    public (int Epoch, double Size) LargestEarlierRise { get; }

    /// <summary>The validation loss rose at every epoch after its lowest, for two epochs at least.</summary>
    public bool TurnsUp { get; }

    public bool OverFits => LastGap > FirstGap && TurnsUp;

    /// <summary>The verdict in one sentence, with the gaps and the lowest validation loss behind it.</summary>
    public override string ToString()
    {
        string gapTrend = $"the gap {(LastGap > FirstGap ? "grows" : "shrinks")} from {FirstGap:F4} to {LastGap:F4}";
        double rise = FinalLoss - BestLoss;
        string lossTrend = LastEpoch == BestEpoch
            ? $"the validation loss is still falling at the last epoch (lowest, {BestLoss:F4}, at epoch {BestEpoch} of {LastEpoch}): training is not finished"
            : TurnsUp
                ? $"the validation loss has risen for {LastEpoch - BestEpoch} epochs since its lowest ({BestLoss:F4} at epoch {BestEpoch})"
                : $"the validation loss ends {rise:F4} above its lowest ({BestLoss:F4} at epoch {BestEpoch} of {LastEpoch}), " +
                  (rise <= LargestEarlierRise.Size
                      ? $"no more than it rose at epoch {LargestEarlierRise.Epoch} (+{LargestEarlierRise.Size:F4}) before falling again: a wobble, not a turn"
                      : "without rising at every epoch since: a wobble, not a turn");
        return (OverFits ? "over-fitting: " : "no over-fitting: ") + gapTrend + "; " + lossTrend;
    }
}
