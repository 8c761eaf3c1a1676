using DlCourse.Optimization;

namespace DlCourse.Tests.Optimization;

public class LinearModelPathTests
{
    private static TrainingHistory Run(params float[][] points)
    {
        var run = new TrainingHistory { Name = "run" };
        foreach (var p in points) run.Trajectory.Add(p);
        return run;
    }

    [Fact]
    public void Bias_norm_peak_and_moves_match_the_points_by_hand()
    {
        // (w₁, w₂, b): ‖w‖ = 0, 5, 13, 5; it peaks at point 2.
        var path = new LinearModelPath(Run([0f, 0f, 1f], [3f, 4f, 2f], [5f, 12f, 3f], [4f, 3f, 4f]));
        Assert.Equal([1.0, 2.0, 3.0, 4.0], path.Bias);
        Assert.Equal([0.0, 5.0, 13.0, 5.0], path.WeightNorm);
        Assert.Equal(2, path.PeakNormStep);
        Assert.Equal([4f, 3f], path.Weights(3));
        Assert.Equal(Math.Sqrt(1 + 81), path.WeightMove(2, 3), 12);
        Assert.Equal(Math.Sqrt(0.25 + 4), path.WeightDistance(3, [3.5, 1.0]), 12);
        Assert.Equal("‖w‖ peaks at 13.000 after 2 steps (b = 3.000) and ends at 5.000 (b = 4.000)", path.ToString());
    }

    [Fact]
    public void Arguments_are_validated_and_NaN_shows()
    {
        Assert.Throws<ArgumentException>(() => new LinearModelPath(new TrainingHistory()));
        Assert.Throws<ArgumentException>(() => new LinearModelPath(Run([1f])));
        Assert.Throws<ArgumentException>(() => new LinearModelPath(Run([1f, 2f], [1f, 2f, 3f])));
        var path = new LinearModelPath(Run([1f, 2f], [float.NaN, 3f]));
        Assert.True(double.IsNaN(path.WeightNorm[1]));
        Assert.True(double.IsNaN(path.WeightMove(0, 1)));
        Assert.Throws<ArgumentOutOfRangeException>(() => path.Weights(2));
        Assert.Throws<ArgumentOutOfRangeException>(() => path.WeightMove(-1, 1));
        Assert.Throws<ArgumentException>(() => path.WeightDistance(0, [1.0, 2.0]));
    }
}
