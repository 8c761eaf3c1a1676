namespace DlCourse.Optimization;

/// <summary>What early stopping did in a run, in one line: the epoch it ended training and the best epoch, whose parameters the model keeps.</summary>
public static class EarlyStoppingSummary
{
    /// <summary>The line for <paramref name="history"/>, a run with validation that restores its best epoch (<see cref="TrainingOptions.RestoreBest"/>, the default).</summary>
    public static string Of(TrainingHistory history)
    {
        ArgumentNullException.ThrowIfNull(history);
        if (!history.HasValidation) throw new ArgumentException("Early stopping watches a validation loss; the run has none.", nameof(history));
        return history.StoppedEpoch is int stopped
            ? $"early stopping ended training at epoch {stopped}; the best validation loss {history.BestLoss:F4} was at epoch {history.BestEpoch}, whose parameters the model keeps"
            : $"no early stop within {history.LastEpoch} epochs; best validation loss {history.BestLoss:F4} at epoch {history.BestEpoch}";
    }
}
