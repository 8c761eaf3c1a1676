using DlCourse.Optimization;
using Plotly.NET;

namespace DlCourse.Plotting;

public static partial class Charts
{
    /// <summary>Paths of the first two of three parameters over the contours of <paramref name="loss"/> in the slice where the
    /// third is held at <paramref name="slice"/>, zoomed to where the paths run.</summary>
    public static GenericChart SlicedPaths(Func<double[], double> loss, IEnumerable<(string Name, IReadOnlyList<float[]> Path)> paths,
        double slice, string title, string xTitle = "θ₁", string yTitle = "θ₂")
    {
        ArgumentNullException.ThrowIfNull(loss);
        ArgumentNullException.ThrowIfNull(paths);
        if (!double.IsFinite(slice)) throw new ArgumentOutOfRangeException(nameof(slice), slice, "the slice must be finite.");
        var planar = paths.Select(p =>
        {
            if (p.Path.Count == 0 || p.Path.Any(q => q.Length != 3))
                throw new ArgumentException($"{p.Name}: expected a non-empty path of points with three parameters.", nameof(paths));
            return (p.Name, (IReadOnlyList<double[]>)p.Path.Select(q => new double[] { q[0], q[1] }).ToList());
        }).ToList();
        if (planar.Count == 0) throw new ArgumentException("Give at least one path.", nameof(paths));
        AxisRange Extent(int j) => AxisRange.Spanning(planar.SelectMany(p => p.Item2.Select(q => q[j])));
        return ParameterPaths((a, b) => loss([a, b, slice]), Extent(0), Extent(1), planar, title, xTitle, yTitle);
    }

    /// <summary>The first <paramref name="steps"/> recorded points of each run (all when null) as <see cref="SlicedPaths(Func{double[], double}, IEnumerable{ValueTuple{string, IReadOnlyList{float[]}}}, double, string, string, string)"/> draws them.</summary>
    public static GenericChart SlicedPaths(Func<double[], double> loss, IEnumerable<TrainingHistory> runs, double slice, string title,
        string xTitle = "θ₁", string yTitle = "θ₂", int? steps = null)
    {
        ArgumentNullException.ThrowIfNull(runs);
        if (steps < 1) throw new ArgumentOutOfRangeException(nameof(steps), steps, "a path needs at least one point.");
        return SlicedPaths(loss, runs.Select(r => (r.Name, (IReadOnlyList<float[]>)r.Trajectory.Take(steps ?? int.MaxValue).ToList())), slice, title, xTitle, yTitle);
    }
}
