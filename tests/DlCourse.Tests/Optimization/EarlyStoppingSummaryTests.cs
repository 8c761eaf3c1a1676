using DlCourse.Optimization;

namespace DlCourse.Tests.Optimization;

public class EarlyStoppingSummaryTests
{
    private static TrainingHistory History(params double[] validationLoss)
    {
        var history = new TrainingHistory();
        for (int epoch = 0; epoch < validationLoss.Length; epoch++) history.Add(epoch, 1.0, validationLoss: validationLoss[epoch]);
        return history;
    }

    [Fact]
    public void A_stopped_run_names_the_epoch_it_stopped_at_and_the_best_one()
    {
        var history = History(0.9, 0.5, 0.4, 0.45, 0.47);
        history.StopReason = StopReason.EarlyStopping;
        Assert.Equal("early stopping ended training at epoch 4; the best validation loss 0.4000 was at epoch 2, whose parameters the model keeps",
            EarlyStoppingSummary.Of(history));
    }

    [Fact]
    public void A_run_that_ran_all_its_epochs_says_so()
    {
        Assert.Equal("no early stop within 3 epochs; best validation loss 0.3000 at epoch 3", EarlyStoppingSummary.Of(History(0.9, 0.5, 0.4, 0.3)));
        var noValidation = new TrainingHistory();
        noValidation.Add(0, 1.0);
        Assert.Throws<ArgumentException>(() => EarlyStoppingSummary.Of(noValidation));
    }
}
