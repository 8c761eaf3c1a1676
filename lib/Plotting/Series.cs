namespace DlCourse.Plotting;

/// <summary>A named series of points, one line on a chart.</summary>
public sealed record Series(string Name, IReadOnlyList<double> X, IReadOnlyList<double> Y)
{
    /// <summary>Values against their index 0, 1, 2, … (a step, an update, an iteration).</summary>
    public Series(string name, IReadOnlyList<double> y) : this(name, Enumerable.Range(0, y.Count).Select(i => (double)i).ToArray(), y) { }
}
