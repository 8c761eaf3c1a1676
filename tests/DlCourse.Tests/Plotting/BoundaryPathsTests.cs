using DlCourse.Models;
using DlCourse.Optimization;
using DlCourse.Plotting;

namespace DlCourse.Tests.Plotting;

public class BoundaryPathsTests
{
    [Fact]
    public void Each_step_s_boundary_is_a_point_of_slope_and_intercept()
    {
        // w₁x₁ + w₂x₂ + b = 0 is x₂ = −(w₁/w₂)x₁ − b/w₂: (1, 2, 4) gives slope −0.5 and intercept −2.
        var run = new TrainingHistory { Name = "run" };
        run.Trajectory.Add([1f, 2f, 4f]);
        run.Trajectory.Add([-3f, 1f, 1f]);
        var expected = Charts.Lines("t", "slope", "intercept", [new Series("run", [-0.5, 3.0], [-2.0, -1.0])]);
        Assert.Equal(ChartDisplay.FigureJson(expected), ChartDisplay.FigureJson(Charts.BoundaryPaths([run], "t")));
        Assert.Equal((-0.5, -2.0), new LogisticRegression(2).WithParameters([1f, 2f, 4f]).Boundary());
    }

    [Fact]
    public void Arguments_are_validated()
    {
        Assert.Throws<ArgumentException>(() => Charts.BoundaryPaths([new TrainingHistory { Name = "empty" }], "t"));
        var wide = new TrainingHistory { Name = "wide" };
        wide.Trajectory.Add([1f, 2f, 3f, 4f]);
        Assert.Throws<ArgumentException>(() => Charts.BoundaryPaths([wide], "t"));
        Assert.Throws<ArgumentNullException>(() => Charts.BoundaryPaths(null!, "t"));
    }
}
