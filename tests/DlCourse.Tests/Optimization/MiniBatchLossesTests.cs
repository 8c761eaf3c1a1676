using DlCourse.Optimization;

namespace DlCourse.Tests.Optimization;

public class MiniBatchLossesTests
{
    // A run of len(epochs) epochs whose mini-batch losses are the given ones, epoch after epoch.
    private static TrainingHistory Run(params double[][] epochs)
    {
        var history = new TrainingHistory();
        for (int epoch = 0; epoch <= epochs.Length; epoch++) history.Add(epoch, 1.0);
        foreach (var losses in epochs) history.StepLoss.AddRange(losses);
        return history;
    }

    // Four steps per epoch, the second class beginning at step 3: sorted, the spikes fall at steps 3 and 1.
    private static readonly TrainingHistory Sorted = Run([2.0, 0.5, 4.0, 0.3], [3.0, 0.2, 5.0, 0.1], [6.0, 0.1, 1.0, 0.1]);
    private static readonly TrainingHistory Shuffled = Run([0.9, 0.7, 0.6, 0.8], [0.5, 0.9, 0.4, 0.6], [0.5, 0.4, 0.8, 0.3]);

    [Fact]
    public void Statistics_leave_out_the_first_epoch_where_the_text_says_so()
    {
        var losses = MiniBatchLosses.Of(Sorted);
        Assert.Equal(4, losses.StepsPerEpoch);
        Assert.Equal([3, 3, 1], losses.PeakSteps);
        Assert.Equal([6.8 / 4, 8.3 / 4, 7.2 / 4], losses.EpochMeans, (a, b) => Math.Abs(a - b) < 1e-12);
        Assert.Equal((0.1, 6.0), (losses.Min, losses.Max));   // epoch 1's 0.3 and 4.0 are left out
        Assert.Equal("0.100–6.000", losses.Range);
        Assert.Equal("1.700 → 2.075 → 1.800", losses.EpochMeansTrail);
        Assert.Equal("3, 3, 1 of 4", losses.PeakStepsOfEpoch);
    }

    [Fact]
    public void The_verdict_counts_the_epochs_whose_largest_loss_falls_at_a_class_switch()
    {
        var (sorted, shuffled) = (MiniBatchLosses.Of(Sorted), MiniBatchLosses.Of(Shuffled));
        var verdict = ShufflingVerdict.Of(sorted, shuffled, switchStep: 3);
        Assert.Equal(3, verdict.PeaksAtSwitch);             // steps 3, 3 and, from the second epoch on, step 1
        Assert.Equal(6.0 / 0.9, verdict.SpikeRatio, 12);
        Assert.Equal("unshuffled, the largest loss of every epoch falls at a class switch, up to 6.000, 6.7× the shuffled maximum; " +
                     "shuffled, the mini-batch loss is not smooth either: it scatters over 0.300–0.900 after the first epoch, " +
                     "its largest loss at step 1, 2, 3 of the epochs (no fixed step)", verdict.ToString());
        // A switch at step 2 instead: only epoch 3's peak (step 1) is at a switch.
        Assert.Equal(1, ShufflingVerdict.Of(sorted, shuffled, switchStep: 2).PeaksAtSwitch);
        Assert.StartsWith("unshuffled, the largest loss of 1 of 3 epochs falls", ShufflingVerdict.Of(sorted, shuffled, switchStep: 2).ToString());
    }

    [Fact]
    public void Arguments_are_validated()
    {
        Assert.Throws<ArgumentException>(() => MiniBatchLosses.Of(Run([1.0, 2.0])));   // one epoch only
        var noSteps = new TrainingHistory();
        for (int epoch = 0; epoch <= 2; epoch++) noSteps.Add(epoch, 1.0);
        Assert.Throws<ArgumentException>(() => MiniBatchLosses.Of(noSteps));
        var losses = MiniBatchLosses.Of(Sorted);
        Assert.Throws<ArgumentOutOfRangeException>(() => ShufflingVerdict.Of(losses, losses, switchStep: 0));
        Assert.Throws<ArgumentOutOfRangeException>(() => ShufflingVerdict.Of(losses, losses, switchStep: 5));
    }
}
