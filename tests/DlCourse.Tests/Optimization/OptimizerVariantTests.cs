using DlCourse.Data;
using DlCourse.Models;
using DlCourse.Optimization;

namespace DlCourse.Tests.Optimization;

public class OptimizerVariantTests
{
    private static readonly Dataset Data = Synthetic.TwoGaussians(20, seed: 3);

    [Fact]
    public void Each_variant_trains_like_its_own_fit_call()
    {
        var variants = new OptimizerVariant[]
        {
            new("full", () => new GradientDescent(0.1)),
            new("sgd", () => new GradientDescent(0.05), BatchSize: 1, Epochs: 2),
            new("momentum", () => new Momentum(0.05, 0.9), BatchSize: 8),
        };
        var options = new TrainingOptions { Epochs = 5, Seed = 2 };
        var runs = OptimizerVariant.FitEach(variants, () => new LogisticRegression(2), Data, options);
        var expected = new[]
        {
            Trainer.Fit(new LogisticRegression(2), new GradientDescent(0.1), Data, options: options, name: "full"),
            Trainer.Fit(new LogisticRegression(2), new GradientDescent(0.05), Data, options: options with { BatchSize = 1, Epochs = 2 }, name: "sgd"),
            Trainer.Fit(new LogisticRegression(2), new Momentum(0.05, 0.9), Data, options: options with { BatchSize = 8 }, name: "momentum"),
        };
        Assert.Equal(["full", "sgd", "momentum"], runs.Select(r => r.Name));
        Assert.Equal([5, 2, 5], runs.Select(r => r.LastEpoch));
        for (int k = 0; k < 3; k++) Assert.Equal(expected[k].TrainLoss, runs[k].TrainLoss);
    }

    [Fact]
    public void Arguments_are_validated()
    {
        var options = new TrainingOptions { Epochs = 1 };
        Assert.Throws<ArgumentException>(() => OptimizerVariant.FitEach([], () => new LogisticRegression(2), Data, options));
        Assert.Throws<ArgumentException>(() => OptimizerVariant.FitEach(
            [new("a", () => new GradientDescent(0.1)), new("a", () => new GradientDescent(0.2))], () => new LogisticRegression(2), Data, options));
        Assert.Throws<ArgumentNullException>(() => OptimizerVariant.FitEach([new("a", () => new GradientDescent(0.1))], null!, Data, options));
    }
}

public class ExcessLossTests
{
    [Fact]
    public void Values_are_the_loss_above_the_optimum_at_each_recorded_point()
    {
        // f(θ) = (θ − 3)² by gradient descent at η = 0.25 from θ = 1: θ halves its distance to 3 each step.
        var history = new TrainingHistory { Name = "halving" };
        foreach (var theta in new[] { 1f, 2f, 2.5f, 2.75f, 2.5f }) history.Trajectory.Add([theta]);
        var excess = ExcessLoss.Along(history, p => (p[0] - 3) * (p[0] - 3) + 10, optimum: 10);
        Assert.Equal([4, 1, 0.25, 0.0625, 0.25], excess.Values);
        Assert.Equal("halving", excess.Name);
        Assert.Equal(4, excess.Updates);
        Assert.Equal(0.25, excess.Final);
        Assert.Equal(1, excess.Rises);
        Assert.Equal(2, excess.PointsAbove(0.5));
        Assert.Equal(5, excess.PointsAbove(0.01));
        Assert.Equal(0, excess.PointsAbove(5));
    }

    [Fact]
    public void Arguments_are_validated()
    {
        Assert.Throws<ArgumentException>(() => ExcessLoss.Along(new TrainingHistory(), p => 0, 0));
        var history = new TrainingHistory();
        history.Trajectory.Add([0f]);
        Assert.Throws<ArgumentOutOfRangeException>(() => ExcessLoss.Along(history, p => 0, double.NaN));
        Assert.Throws<ArgumentNullException>(() => ExcessLoss.Along(history, null!, 0));
    }

    [Fact]
    public void Table_gives_a_line_per_run_with_the_last_updates_ratio_and_the_reversals_across()
    {
        // θ = (a, b): a zig-zags 1, −1, 1, −1 while b falls; across (1, 0) the path reverses at every move.
        var history = new TrainingHistory { Name = "zig" };
        foreach (var p in new[] { new[] { 1f, 8f }, [-1f, 4f], [1f, 2f], [-1f, 1f] }) history.Trajectory.Add(p);
        var excess = ExcessLoss.Along(history, p => p[1], optimum: 0);
        var line = ExcessLoss.Table([excess], across: [1.0, 0.0], lastUpdates: 2);
        Assert.Equal($"{"zig",-24}    3 updates, final J − J* = 1; J − J* rose at   0 updates; last 2 updates divided it by 4; reversals across the valley   2", line);
        Assert.Throws<ArgumentException>(() => ExcessLoss.Table([excess], [1.0, 0.0], lastUpdates: 4));
        Assert.Throws<ArgumentOutOfRangeException>(() => ExcessLoss.Table([excess], [1.0, 0.0], lastUpdates: 0));
        Assert.Throws<ArgumentNullException>(() => ExcessLoss.Table([excess], null!));
    }
}
