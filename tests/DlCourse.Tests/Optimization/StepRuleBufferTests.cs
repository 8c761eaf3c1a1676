using DlCourse.Optimization;

namespace DlCourse.Tests.Optimization;

public class StepRuleBufferTests
{
    [Fact]
    public void Buffers_start_at_zero_and_carry_over_between_steps()
    {
        // v ← ½v + g, θ ← θ − ηv: after gradients 1, 1, 1 at η = 0.1, v = 1, 1.5, 1.75 and θ = 2 − 0.1·4.25.
        var rule = StepRule.WithBuffers("heavy ball", 0.1, bufferCount: 1, (theta, g, buffers, eta, t) =>
        {
            for (int i = 0; i < theta.Length; i++)
            {
                buffers[0][i] = 0.5f * buffers[0][i] + g[i];
                theta[i] -= (float)(eta * buffers[0][i]);
            }
        });
        var theta = new float[] { 2f, -1f };
        for (int k = 0; k < 3; k++) rule.Step(theta, new float[] { 1f, 0f });
        Assert.Equal(2 - 0.1 * 4.25, theta[0], 5);
        Assert.Equal(-1f, theta[1]);
    }

    [Fact]
    public void Each_rule_has_its_own_buffers_sized_to_theta_and_counts_steps_from_one()
    {
        var seen = new List<(int Length, int Count, int T, float First)>();
        StepRule Make() => StepRule.WithBuffers("probe", 1.0, bufferCount: 2, (theta, g, buffers, eta, t) =>
        {
            seen.Add((buffers[1].Length, buffers.Length, t, buffers[0][0]));
            buffers[0][0] += 1;
        });
        var first = Make();
        first.Step(new float[3], new float[3]);
        first.Step(new float[3], new float[3]);
        Make().Step(new float[3], new float[3]);
        Assert.Equal([(3, 2, 1, 0f), (3, 2, 2, 1f), (3, 2, 1, 0f)], seen);
    }

    [Fact]
    public void Arguments_are_validated()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => StepRule.WithBuffers("x", 0.1, 0, (theta, g, b, eta, t) => { }));
        Assert.Throws<ArgumentNullException>(() => StepRule.WithBuffers("x", 0.1, 1, null!));
        Assert.Throws<ArgumentOutOfRangeException>(() => StepRule.WithBuffers("x", -0.1, 1, (theta, g, b, eta, t) => { }));
    }
}

public class TrainingHistoryLoopTests
{
    [Fact]
    public void A_hand_written_loop_records_row_zero_then_one_row_per_epoch()
    {
        double value = 8;
        var epochsRun = new List<int>();
        var history = TrainingHistory.OfLoop("halving", 3, epoch => { epochsRun.Add(epoch); value /= 2; }, () => value);
        Assert.Equal("halving", history.Name);
        Assert.Equal([1, 2, 3], epochsRun);
        Assert.Equal([0.0, 1, 2, 3], history.EpochNumbers);
        Assert.Equal([8.0, 4, 2, 1], history.TrainLoss);
        Assert.Equal(1.0, history.FinalTrainLoss);
    }

    [Fact]
    public void Zero_epochs_give_the_start_only_and_bad_arguments_throw()
    {
        Assert.Equal([5.0], TrainingHistory.OfLoop("none", 0, _ => throw new InvalidOperationException(), () => 5).TrainLoss);
        Assert.Throws<ArgumentOutOfRangeException>(() => TrainingHistory.OfLoop("x", -1, _ => { }, () => 0));
        Assert.Throws<ArgumentNullException>(() => TrainingHistory.OfLoop("x", 1, null!, () => 0));
        Assert.Throws<ArgumentNullException>(() => TrainingHistory.OfLoop("x", 1, _ => { }, null!));
    }
}
