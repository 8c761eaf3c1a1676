using DlCourse.Optimization;
using DlCourse.Plotting;

namespace DlCourse.Tests.Plotting;

public class SlicedPathsTests
{
    private static readonly IReadOnlyList<float[]> First = [[0f, 1f, 5f], [1f, 2f, 5f], [2f, 2f, 6f]];
    private static readonly IReadOnlyList<float[]> Second = [[-1f, 0f, 5f], [0f, 3f, 5f]];

    [Fact]
    public void The_chart_is_the_parameter_paths_over_the_slice_zoomed_to_the_paths()
    {
        var thirds = new HashSet<double>();
        double Loss(double[] p) { thirds.Add(p[2]); return p[0] * p[0] + p[1] * p[1] + p[2]; }
        var chart = Charts.SlicedPaths(Loss, [("first", First), ("second", Second)], slice: 5.5, "title", "w₁", "w₂");
        // By hand: w₁ spans −1 … 2 and w₂ spans 0 … 3, each widened by a tenth of its width on both sides.
        var expected = Charts.ParameterPaths((a, b) => a * a + b * b + 5.5, new AxisRange(-1 - 0.1 * 3, 2 + 0.1 * 3), new AxisRange(0 - 0.1 * 3, 3 + 0.1 * 3),
            [("first", (IReadOnlyList<double[]>)[[0, 1], [1, 2], [2, 2]]), ("second", [[-1, 0], [0, 3]])], "title", "w₁", "w₂");
        Assert.Equal(ChartDisplay.FigureJson(expected), ChartDisplay.FigureJson(chart));
        Assert.Equal([5.5], thirds);
    }

    [Fact]
    public void Runs_give_their_first_steps()
    {
        var run = new TrainingHistory { Name = "run" };
        foreach (var p in First) run.Trajectory.Add(p);
        static double Loss(double[] p) => p[0] + p[1];
        Assert.Equal(ChartDisplay.FigureJson(Charts.SlicedPaths(Loss, [("run", First.Take(2).ToList())], 0, "t")),
                     ChartDisplay.FigureJson(Charts.SlicedPaths(Loss, [run], 0, "t", steps: 2)));
    }

    [Fact]
    public void Arguments_are_validated()
    {
        static double Loss(double[] p) => 0;
        Assert.Throws<ArgumentException>(() => Charts.SlicedPaths(Loss, Array.Empty<(string, IReadOnlyList<float[]>)>(), 0, "t"));
        Assert.Throws<ArgumentException>(() => Charts.SlicedPaths(Loss, [("two", (IReadOnlyList<float[]>)[[1f, 2f]])], 0, "t"));
        Assert.Throws<ArgumentOutOfRangeException>(() => Charts.SlicedPaths(Loss, [("a", First)], double.NaN, "t"));
        Assert.Throws<ArgumentOutOfRangeException>(() => Charts.SlicedPaths(Loss, [new TrainingHistory()], 0, "t", steps: 0));
    }
}
