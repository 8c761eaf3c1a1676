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

    [Fact]
    public void StepLossByEpochCutsTheRecordedStepsIntoEqualEpochs()
    {
        var history = new TrainingHistory();
        foreach (var epoch in new[] { 0, 1, 2 }) history.Add(epoch, 1.0);
        Assert.Empty(history.StepLossByEpoch);
        history.StepLoss.AddRange([0.9, 0.8, 0.7, 0.6, 0.5, 0.4]);
        Assert.Equal(new[] { new[] { 0.9, 0.8, 0.7 }, new[] { 0.6, 0.5, 0.4 } }, history.StepLossByEpoch);

        history.StepLoss.Add(0.3);
        Assert.Throws<InvalidOperationException>(() => history.StepLossByEpoch);
    }

    [Fact]
    public void StepLossByEpochOfATrainedRunHasOneArrayOfBatchLossesPerEpoch()
    {
        // 10 examples in batches of 4: 3 steps per epoch (4, 4, 2).
        var data = DlCourse.Data.Synthetic.TwoGaussians(5, seed: 1);
        var history = Trainer.Fit(new DlCourse.Models.LogisticRegression(2), new GradientDescent(0.1), data, null,
            new TrainingOptions { Epochs = 2, BatchSize = 4, Seed = 1, RecordSteps = true });
        Assert.Equal(2, history.StepLossByEpoch.Count);
        Assert.All(history.StepLossByEpoch, epoch => Assert.Equal(3, epoch.Length));
        Assert.Equal(history.StepLoss, history.StepLossByEpoch.SelectMany(e => e));
    }

    [Fact]
    public void FirstEpochReaching_is_the_first_epoch_at_or_below_the_loss()
    {
        var history = new TrainingHistory();
        foreach (var (epoch, loss) in new[] { (0, 1.0), (1, 0.5), (2, 0.3), (3, 0.4), (4, 0.2) }) history.Add(epoch, loss);
        Assert.Equal(2, history.FirstEpochReaching(0.35));
        Assert.Equal(2, history.FirstEpochReaching(0.3));
        Assert.Equal(0, history.FirstEpochReaching(1.0));
        Assert.Null(history.FirstEpochReaching(0.1));
    }

    [Fact]
    public void EpochTrajectory_keeps_the_start_and_the_last_step_of_every_epoch()
    {
        var history = new TrainingHistory { Name = "run" };
        for (int epoch = 0; epoch <= 3; epoch++) history.Add(epoch, 1.0 / (epoch + 1));
        for (int step = 0; step <= 6; step++) history.Trajectory.Add([step]);   // two steps per epoch
        Assert.Equal([0f, 2f, 4f, 6f], history.EpochTrajectory().Select(p => p[0]));
        history.Trajectory.Add([7]);                                            // 7 steps do not split into 3 epochs
        Assert.Throws<InvalidOperationException>(() => history.EpochTrajectory());
        Assert.Throws<InvalidOperationException>(() => new TrainingHistory().EpochTrajectory());
    }

    [Fact]
    public void TheEpochsAfterTheBestAreThoseTrainedPastTheLowestValidationLoss()
    {
        var history = new TrainingHistory();
        foreach (var (epoch, loss) in new[] { (0, 2.0), (1, 1.0), (2, 0.5), (3, 0.7), (4, 0.6), (5, 0.8) })
            history.Epochs.Add(new EpochResult(epoch, 9, 0, loss, 0, 0.1, 0, false));
        Assert.Equal([3, 4, 5], history.EpochsAfterBest.Select(e => e.Epoch));
        history.Epochs.Add(new EpochResult(6, 9, 0, 0.4, 0, 0.1, 0, false));
        Assert.Empty(history.EpochsAfterBest);
        Assert.Empty(new TrainingHistory().EpochsAfterBest);
    }

    [Fact]
    public void TheAccuracyGapIsTrainingMinusValidationAccuracy()
    {
        Assert.Equal(0.05, new EpochResult(1, 0.3, 0.90, 0.4, 0.85, 0.1, 0, true).AccuracyGap, 12);
        Assert.Equal(-0.1, new EpochResult(1, 0.3, 0.70, 0.4, 0.80, 0.1, 0, true).AccuracyGap, 12);
        Assert.True(double.IsNaN(new EpochResult(1, 0.3, 0.9, double.NaN, double.NaN, 0.1, 0, true).AccuracyGap));
    }
}
