using DlCourse.Optimization;

namespace DlCourse.Tests.Optimization;

public class ShufflingComparisonTests
{
    // A run whose mini-batch losses are the given ones, epoch after epoch, and whose validation loss after epoch t is validation[t − 1].
    private static TrainingHistory Run(double[] validation, params double[][] epochs)
    {
        var history = new TrainingHistory();
        history.Add(0, 1.0, validationLoss: 2.0);
        for (int epoch = 1; epoch <= epochs.Length; epoch++) history.Add(epoch, 1.0, validationLoss: validation[epoch - 1]);
        foreach (var losses in epochs) history.StepLoss.AddRange(losses);
        return history;
    }

    // Four steps per epoch, the second class beginning at step 3 of the sorted run.
    private static readonly TrainingHistory Sorted = Run([1.5, 1.4, 1.25], [2.0, 0.5, 4.0, 0.3], [3.0, 0.2, 5.0, 0.1], [6.0, 0.1, 1.0, 0.1]);
    private static readonly TrainingHistory Shuffled = Run([0.7, 0.6, 0.55], [0.9, 0.7, 0.6, 0.8], [0.5, 0.9, 0.4, 0.6], [0.5, 0.4, 0.8, 0.3]);

    [Fact]
    public void Three_lines_compare_the_ranges_the_epoch_means_and_the_last_validation_loss()
    {
        var runs = ShufflingComparison.Of(Shuffled, Sorted);
        // Sorted after epoch 1: 0.1 to 6.0; means 6.8/4, 8.3/4, 7.2/4. Shuffled after epoch 1: 0.3 to 0.9; means 3.0/4, 2.4/4, 2.0/4.
        Assert.Equal(string.Join(Environment.NewLine,
            "mini-batch losses after the first epoch: shuffled 0.300–0.900, unshuffled 0.100–6.000",
            "mean mini-batch loss of each epoch: shuffled 0.750 → 0.600 → 0.500; unshuffled 1.700 → 2.075 → 1.800",
            "validation loss after 3 epochs: shuffled 0.5500, unshuffled 1.2500"), runs.ToString());
        Assert.Same(Shuffled, runs.ShuffledRun);
        Assert.Same(Sorted, runs.OrderedRun);
        Assert.Equal("3, 3, 1 of 4", runs.Ordered.PeakStepsOfEpoch);
        Assert.Equal("1, 2, 3 of 4", runs.Shuffled.PeakStepsOfEpoch);
        Assert.Equal(ShufflingVerdict.Of(runs.Ordered, runs.Shuffled, 3).ToString(), runs.Verdict(switchStep: 3).ToString());
        Assert.Equal(3, runs.Verdict(switchStep: 3).PeaksAtSwitch);
    }

    [Fact]
    public void A_NaN_loss_shows_as_NaN()
    {
        var broken = Run([0.7, 0.6, double.NaN], [0.9, 0.7, 0.6, 0.8], [0.5, double.NaN, 0.4, 0.6], [0.5, 0.4, 0.8, 0.3]);
        var lines = ShufflingComparison.Of(broken, Sorted).ToString().Split(Environment.NewLine);
        Assert.Contains("NaN", lines[0]);   // the largest shuffled loss
        Assert.Contains("NaN", lines[2]);   // the last validation loss
    }

    [Fact]
    public void Arguments_are_validated()
    {
        Assert.Throws<ArgumentNullException>(() => ShufflingComparison.Of(null!, Sorted));
        Assert.Throws<ArgumentNullException>(() => ShufflingComparison.Of(Shuffled, null!));
        var noValidation = new TrainingHistory();
        for (int epoch = 0; epoch <= 3; epoch++) noValidation.Add(epoch, 1.0);
        noValidation.StepLoss.AddRange(Enumerable.Repeat(1.0, 12));
        Assert.Throws<ArgumentException>(() => ShufflingComparison.Of(noValidation, Sorted));
        var shorter = Run([0.7, 0.6], [0.9, 0.7, 0.6, 0.8], [0.5, 0.9, 0.4, 0.6]);
        Assert.Throws<ArgumentException>(() => ShufflingComparison.Of(shorter, Sorted));
        var notRecorded = new TrainingHistory();
        for (int epoch = 0; epoch <= 3; epoch++) notRecorded.Add(epoch, 1.0, validationLoss: 1.0);
        Assert.Throws<ArgumentException>(() => ShufflingComparison.Of(notRecorded, Sorted));
        Assert.Throws<ArgumentOutOfRangeException>(() => ShufflingComparison.Of(Shuffled, Sorted).Verdict(switchStep: 5));
    }
}
