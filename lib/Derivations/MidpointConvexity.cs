using DlCourse.Data;

namespace DlCourse.Derivations;

/// <summary>The midpoint test of convexity: a convex f has f((a + b)/2) ≤ (f(a) + f(b))/2 for every pair a, b, so one
/// pair with the midpoint above the chord proves f is not convex.</summary>
public static class MidpointConvexity
{
    /// <summary>How many of <paramref name="pairs"/> random pairs (a drawn, then b) put f at their midpoint above the chord
    /// by more than <paramref name="tolerance"/>.</summary>
    public static int Violations(Func<double[], double> f, Func<double[]> draw, int pairs, double tolerance = 1e-12)
    {
        ArgumentNullException.ThrowIfNull(f);
        ArgumentNullException.ThrowIfNull(draw);
        ArgumentOutOfRangeException.ThrowIfNegative(pairs);
        if (!(tolerance >= 0)) throw new ArgumentOutOfRangeException(nameof(tolerance), tolerance, "the tolerance must be ≥ 0");
        int count = 0;
        for (int t = 0; t < pairs; t++)
        {
            var a = draw();
            var b = draw();
            if (a.Length != b.Length) throw new ArgumentException($"draw returned points of {a.Length} and {b.Length} coordinates; return points of one dimension.", nameof(draw));
            var midpoint = a.Zip(b, (u, v) => (u + v) / 2).ToArray();
            if (f(midpoint) > (f(a) + f(b)) / 2 + tolerance) count++;
        }
        return count;
    }

    /// <summary>The same with every point's <paramref name="dimension"/> coordinates drawn uniform on [−halfWidth, halfWidth)
    /// by <see cref="Synthetic.UniformVector"/> from <paramref name="random"/> (a drawn, then b).</summary>
    public static int Violations(Func<double[], double> f, Random random, int dimension, double halfWidth, int pairs, double tolerance = 1e-12)
    {
        ArgumentNullException.ThrowIfNull(random);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(dimension);
        Synthetic.CheckHalfWidth(halfWidth); // now, not at the first draw: also when no pair is drawn
        return Violations(f, () => Synthetic.UniformVector(random, dimension, halfWidth), pairs, tolerance);
    }

    /// <summary>Whether f passes the midpoint test on an evenly spaced grid: at every interior point f lies at most
    /// <paramref name="tolerance"/> above the mean of its two neighbours.</summary>
    public static bool HoldsOnGrid(Func<double, double> f, IReadOnlyList<double> grid, double tolerance = 1e-12)
    {
        ArgumentNullException.ThrowIfNull(f);
        ArgumentNullException.ThrowIfNull(grid);
        if (grid.Count < 3) throw new ArgumentException($"The grid has {grid.Count} points; the test needs at least 3.", nameof(grid));
        if (!(tolerance >= 0)) throw new ArgumentOutOfRangeException(nameof(tolerance), tolerance, "the tolerance must be ≥ 0");
        // Neighbours' mean is the chord's midpoint only when the two gaps are equal.
        double spacing = grid[1] - grid[0];
        if (!(spacing > 0) || Enumerable.Range(2, grid.Count - 2).Any(i => !(Math.Abs(grid[i] - grid[i - 1] - spacing) <= 1e-9 * spacing)))
            throw new ArgumentException("The grid must be increasing with even spacing.", nameof(grid));
        var values = grid.Select(f).ToArray();
        return Enumerable.Range(1, values.Length - 2).All(i => values[i] <= (values[i - 1] + values[i + 1]) / 2 + tolerance);
    }
}
