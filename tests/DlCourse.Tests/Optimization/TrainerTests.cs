using DlCourse.Data;
using DlCourse.Models;
using DlCourse.Optimization;

namespace DlCourse.Tests.Optimization;

public class TrainerTests
{
    [Fact]
    public void SameSeedSameHistoryAndBatchSizeOneIsStochastic()
    {
        var data = Synthetic.TwoGaussians(20, seed: 2);
        TrainingHistory Run(int seed) => Trainer.Fit(new LogisticRegression(2), new GradientDescent(0.1), data,
            options: new TrainingOptions { Epochs = 3, BatchSize = 1, Seed = seed, RecordSteps = true });
        var a = Run(1);
        Assert.Equal(a.TrainLoss, Run(1).TrainLoss);
        Assert.NotEqual(a.TrainLoss, Run(2).TrainLoss);
        Assert.Equal(3 * 40, a.StepLoss.Count);
        Assert.Equal(3 * 40 + 1, a.Trajectory.Count);
        Assert.Equal(120, a.StepExamples[^1]);
        Assert.Equal([0, 1, 2, 3], a.EpochNumbers);
    }

    [Fact]
    public void FullBatchTakesOneStepPerEpoch()
    {
        var data = Synthetic.TwoGaussians(20, seed: 2);
        var history = Trainer.Fit(new LogisticRegression(2), new GradientDescent(0.1), data,
            options: new TrainingOptions { Epochs = 5, RecordSteps = true });
        Assert.Equal(5, history.StepLoss.Count);
        // A full-batch step's loss is the loss before the step, i.e. the previous epoch's train loss.
        Assert.Equal(history.TrainLoss[0], history.StepLoss[0], 5);
    }

    [Fact]
    public void EarlyStoppingRestoresTheBestParameters()
    {
        // A tiny noisy training set and a big learning rate: validation loss turns up soon.
        var all = Synthetic.TwoGaussians(60, seed: 4, spread: 1.6);
        var (validation, train) = all.Split(0.1, seed: 1);
        var model = new LogisticRegression(2);
        var history = Trainer.Fit(model, new GradientDescent(2.0), train, validation,
            new TrainingOptions { Epochs = 500, BatchSize = 1, Patience = 3 });
        Assert.Equal(StopReason.EarlyStopping, history.StopReason);
        Assert.Equal(history.BestEpoch + 3, history.StoppedEpoch);
        Assert.Equal(history.ValidationLoss.Min(), history.BestLoss);
        Assert.Equal(history.BestLoss, model.Loss(validation), 6);
    }

    [Fact]
    public void ScheduleSetsTheLearningRateEachEpoch()
    {
        var optimizer = new GradientDescent(1);
        var history = Trainer.Fit(new LogisticRegression(2), optimizer, Synthetic.TwoGaussians(5, 1),
            options: new TrainingOptions { Epochs = 3, Schedule = LearningRateSchedules.Exponential(0.4, 0.5) });
        Assert.Equal([1, 0.4, 0.2, 0.1], history.LearningRates);
    }

    [Fact]
    public void OptionsAreCheckedBeforeTraining()
    {
        var data = Synthetic.TwoGaussians(5, 1);
        Assert.Throws<ArgumentOutOfRangeException>(() => Trainer.Fit(new LogisticRegression(2), new GradientDescent(0.1), data, options: new TrainingOptions { Epochs = 0 }));
        Assert.Throws<ArgumentOutOfRangeException>(() => Trainer.Fit(new LogisticRegression(2), new GradientDescent(0.1), data, options: new TrainingOptions { Patience = 0 }));
        var error = Assert.Throws<ArgumentException>(() => Trainer.Fit(new LogisticRegression(2), new GradientDescent(0.1), data, options: new TrainingOptions { Device = "cuda" }));
        Assert.Contains("CPU", error.Message);
    }

    [Fact]
    public void Checkpoints_hold_the_best_and_the_last_parameters_with_the_history()
    {
        var folder = Directory.CreateTempSubdirectory("dlcourse-params-").FullName;
        try
        {
            var (train, validation) = Synthetic.TwoGaussians(60, 3).Split(0.3, seed: 1);
            var model = new LogisticRegression(2);
            // A rate this large makes the validation loss jump, so the best epoch is usually not the last.
            var history = Trainer.Fit(model, new GradientDescent(5), train, validation,
                new TrainingOptions { Epochs = 8, BatchSize = 4, Seed = 2, CheckpointDirectory = folder });

            var best = new LogisticRegression(2);
            var saved = ParameterCheckpoint.Load(Path.Combine(folder, Trainer.BestFile), best);
            Assert.Equal(model.Parameters, best.Parameters); // RestoreBest left the model at the best epoch
            Assert.Equal(history.BestEpoch, saved.LastEpoch);
            Assert.Equal(history.LastEpoch, ParameterCheckpoint.Load(Path.Combine(folder, Trainer.LastFile), new LogisticRegression(2)).LastEpoch);
            Assert.Contains("holds a LogisticRegression", Assert.Throws<InvalidDataException>(() => ParameterCheckpoint.Load(Path.Combine(folder, Trainer.BestFile), new LinearRegression(2))).Message);
            var truncated = Path.Combine(folder, "truncated.params");
            File.WriteAllBytes(truncated, File.ReadAllBytes(Path.Combine(folder, Trainer.BestFile))[..40]);
            Assert.Throws<InvalidDataException>(() => ParameterCheckpoint.Load(truncated, new LogisticRegression(2)));
        }
        finally { Directory.Delete(folder, recursive: true); }
    }
}
