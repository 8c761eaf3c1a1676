using DlCourse.Derivations;

namespace DlCourse.Tests.Derivations;

public class GridConvexityTests
{
    private static readonly double[] Grid = Enumerable.Range(0, 81).Select(i => -4 + i * 0.1).ToArray();

    [Fact]
    public void Holds_for_convex_functions_and_fails_for_a_bump()
    {
        Assert.True(MidpointConvexity.HoldsOnGrid(x => x * x, Grid));
        Assert.True(MidpointConvexity.HoldsOnGrid(x => Math.Log(1 + Math.Exp(-x)), Grid));
        Assert.True(MidpointConvexity.HoldsOnGrid(x => 3 * x - 1, Grid));   // on the chord, within the tolerance
        Assert.False(MidpointConvexity.HoldsOnGrid(x => Math.Exp(-x * x), Grid));
        Assert.False(MidpointConvexity.HoldsOnGrid(x => Math.Pow(1 / (1 + Math.Exp(-x)) - 1, 2), Grid));
    }

    [Fact]
    public void Tolerance_lets_a_small_dent_pass()
    {
        double[] grid = [0, 1, 2];
        Func<double, double> dent = x => x == 1 ? 0.5 : 0;   // 0.5 above the mean of its neighbours
        Assert.False(MidpointConvexity.HoldsOnGrid(dent, grid));
        Assert.False(MidpointConvexity.HoldsOnGrid(dent, grid, tolerance: 0.49));
        Assert.True(MidpointConvexity.HoldsOnGrid(dent, grid, tolerance: 0.5));
    }

    [Fact]
    public void Refuses_short_uneven_or_decreasing_grids()
    {
        Assert.Throws<ArgumentException>(() => MidpointConvexity.HoldsOnGrid(x => x, [0.0, 1]));
        Assert.Throws<ArgumentException>(() => MidpointConvexity.HoldsOnGrid(x => x, [0.0, 1, 3]));
        Assert.Throws<ArgumentException>(() => MidpointConvexity.HoldsOnGrid(x => x, [2.0, 1, 0]));
        Assert.Throws<ArgumentOutOfRangeException>(() => MidpointConvexity.HoldsOnGrid(x => x, Grid, tolerance: -1));
    }
}
