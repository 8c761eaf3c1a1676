using DlCourse.Optimization;

namespace DlCourse.Tests.Optimization;

public class LossSettlingTests
{
    private static TrainingHistory Run(string name, params double[] losses)
    {
        var history = new TrainingHistory { Name = name };
        for (int e = 0; e < losses.Length; e++) history.Add(e, losses[e]);
        return history;
    }

    [Fact]
    public void Rows_measure_each_run_against_the_lowest_loss_of_all()
    {
        var smooth = Run("smooth", 1.0, 0.6, 0.5, 0.45, 0.42);
        var wobbly = Run("wobbly", 1.0, 0.5, 0.40, 0.43, 0.41);
        var settling = LossSettling.Of([smooth, wobbly], lastEpochs: 3, riseSlack: 1e-6);
        Assert.Equal(0.40, settling.Lowest);
        Assert.Equal(0, settling["smooth"].Rises);
        Assert.Equal(1, settling["wobbly"].Rises);
        Assert.Equal(0.02, settling["smooth"].EndAboveLowest, 12);
        Assert.Equal(0.10, settling["smooth"].WorstOfLastAboveLowest, 12);   // max(0.5, 0.45, 0.42) − 0.40
        Assert.Equal(0.03, settling["wobbly"].WorstOfLastAboveLowest, 12);   // max(0.40, 0.43, 0.41) − 0.40
        Assert.Equal(["wobbly"], settling.SettledWithin(0.05));
        var table = settling.Table(0.05, "NLL").Split('\n');
        Assert.Equal(4, table.Length);
        Assert.Equal("lowest NLL of all runs 0.40000", table[0]);
        Assert.StartsWith("wobbly                   NLL rose at   1 epochs;  NLL − lowest: at the end 1.0E-002, worst of the last 3 epochs 3.0E-002", table[2]);
        Assert.Equal("within 5e-2 of the lowest NLL over the last 3 epochs: wobbly; not: smooth", table[3]);
    }

    [Fact]
    public void A_rise_within_the_slack_is_not_counted()
    {
        var run = Run("flat", 1.0, 0.5, 0.5000005, 0.49);
        Assert.Equal(1, LossSettling.Of([run], lastEpochs: 2).Rows[0].Rises);
        Assert.Equal(0, LossSettling.Of([run], lastEpochs: 2, riseSlack: 1e-6).Rows[0].Rises);
    }

    [Fact]
    public void AboveLowest_is_each_epochs_distance_to_the_lowest_of_all_runs_floored()
    {
        var settling = LossSettling.Of([Run("a", 1.0, 0.5, 0.40), Run("b", 1.0, 0.45, 0.41)], lastEpochs: 1);
        Assert.Equal([0.6, 0.1, 1e-3], settling.AboveLowest("a", floor: 1e-3).Select(v => Math.Round(v, 12)));
        Assert.Equal([0.6, 0.05, 0.01], settling.AboveLowest("b", floor: 1e-3).Select(v => Math.Round(v, 12)));
        Assert.Throws<ArgumentOutOfRangeException>(() => settling.AboveLowest("a", floor: 0));
        Assert.Throws<ArgumentOutOfRangeException>(() => settling.AboveLowest("a", floor: double.NaN));
        Assert.Throws<KeyNotFoundException>(() => settling.AboveLowest("c", floor: 1e-3));
    }

    [Fact]
    public void Arguments_are_validated()
    {
        Assert.Throws<ArgumentException>(() => LossSettling.Of([]));
        Assert.Throws<ArgumentException>(() => LossSettling.Of([Run("a", 1, 0.5), Run("a", 1, 0.4)], lastEpochs: 1));
        Assert.Throws<ArgumentException>(() => LossSettling.Of([Run("short", 1, 0.5)], lastEpochs: 3));
        Assert.Throws<ArgumentOutOfRangeException>(() => LossSettling.Of([Run("a", 1, 0.5)], lastEpochs: 0));
        Assert.Throws<KeyNotFoundException>(() => LossSettling.Of([Run("a", 1, 0.5)], lastEpochs: 1)["b"]);
    }
}
