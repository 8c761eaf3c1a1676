using DlCourse.Optimization;

namespace DlCourse.Tests.Optimization;

public class TrainingHistoryTests
{
    [Fact]
    public void TheBestEpochIsTheFirstLowestValidationLossAndNaNNeverWins()
    {
        var history = new TrainingHistory();
        foreach (var (epoch, loss) in new[] { (1, 1.0), (2, 0.5), (3, double.NaN), (4, 0.5), (5, 0.7) })
            history.Epochs.Add(new EpochResult(epoch, 9, 0, loss, 0, 0.1, 0, false));
        Assert.Equal(2, history.BestEpoch);
        Assert.Equal(0.5, history.BestLoss);
    }

    [Fact]
    public void WithoutValidationTheTrainingLossIsWatched()
    {
        var history = new TrainingHistory();
        foreach (var (epoch, loss) in new[] { (0, 1.0), (1, 0.2), (2, 0.3) })
            history.Epochs.Add(new EpochResult(epoch, loss, 0, double.NaN, double.NaN, 0.1, 0, false));
        Assert.Equal(1, history.BestEpoch);
        Assert.False(history.HasValidation);
        Assert.Empty(history.ValidationLoss);
    }
}
