namespace DlCourse.Plotting;

/// <summary>A named series of points, one line on a chart.</summary>
public sealed record Series(string Name, IReadOnlyList<double> X, IReadOnlyList<double> Y)
{
    /// <summary>Values against their index 0, 1, 2, … (a step, an update, an iteration).</summary>
    public Series(string name, IReadOnlyList<double> y) : this(name, Enumerable.Range(0, y.Count).Select(i => (double)i).ToArray(), y) { }

    /// <summary>Every <paramref name="step"/>-th point, from the first: a lighter chart of a long run.</summary>
    public Series Every(int step)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(step, 1);
        if (X.Count != Y.Count) throw new InvalidOperationException($"{Name}: {X.Count} x values but {Y.Count} y values.");
        var kept = Enumerable.Range(0, X.Count).Where(i => i % step == 0).ToArray();
        return this with { X = kept.Select(i => X[i]).ToArray(), Y = kept.Select(i => Y[i]).ToArray() };
    }
}
