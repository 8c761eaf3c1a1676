namespace DlCourse.Optimization;

/// <summary>
/// Stops training once the validation loss has not improved by more than <paramref name="minDelta"/> for
/// <paramref name="patience"/> epochs, and remembers the best epoch and its parameters.
/// </summary>
public sealed class EarlyStopping(int patience, double minDelta = 0)
{
    public int Patience { get; } = patience >= 1 ? patience : throw new ArgumentOutOfRangeException(nameof(patience), "patience must be at least 1");
    public double BestLoss { get; private set; } = double.PositiveInfinity;
    public int BestEpoch { get; private set; }
    public float[]? BestParameters { get; private set; }
    public int EpochsWithoutImprovement { get; private set; }

    /// <summary>Records one epoch's validation loss; true when training should stop.</summary>
    public bool Update(int epoch, double validationLoss, ReadOnlySpan<float> parameters)
    {
        if (validationLoss < BestLoss - minDelta)
        {
            BestLoss = validationLoss;
            BestEpoch = epoch;
            BestParameters = parameters.ToArray();
            EpochsWithoutImprovement = 0;
            return false;
        }
        return ++EpochsWithoutImprovement >= Patience;
    }
}
