using DlCourse.Data;
using DlCourse.Optimization;
using Plotly.NET;
using CSharpChart = Plotly.NET.CSharp.Chart;

namespace DlCourse.Plotting;

/// <summary>An interval of one axis for a surface plot.</summary>
public sealed record AxisRange(double Min, double Max)
{
    public double[] Grid(int points) => Enumerable.Range(0, points).Select(i => Min + (Max - Min) * i / (points - 1)).ToArray();

    /// <summary>From the smallest to the largest of <paramref name="values"/>, widened on each side by <paramref name="margin"/> times that width,
    /// e.g. to zoom a chart to where the paths run.</summary>
    public static AxisRange Spanning(IEnumerable<double> values, double margin = 0.1)
    {
        ArgumentNullException.ThrowIfNull(values);
        if (!double.IsFinite(margin) || margin < 0) throw new ArgumentOutOfRangeException(nameof(margin), margin, "must be finite and ≥ 0");
        var list = values.ToList();
        if (list.Count == 0 || list.Any(v => !double.IsFinite(v))) throw new ArgumentException("Expected at least one value, all finite.", nameof(values));
        double lo = list.Min(), hi = list.Max(), pad = margin * (hi - lo);
        return new AxisRange(lo - pad, hi + pad);
    }
}

public static partial class Charts
{
    private static readonly string[] ClassColours = ["#1f77b4", "#ff7f0e", "#2ca02c", "#d62728", "#9467bd", "#8c564b", "#e377c2", "#7f7f7f", "#bcbd22", "#17becf"];

    /// <summary>A function of two variables as filled contours, e.g. p(c | x) over the input plane, with the data on top when given.</summary>
    public static GenericChart Surface(Func<double, double, double> f, AxisRange x, AxisRange y, string title, Dataset? points = null,
        string xTitle = "x₁", string yTitle = "x₂", int resolution = 80, bool probability = true)
    {
        var xs = x.Grid(resolution);
        var ys = y.Grid(resolution);
        var z = ys.Select(b => xs.Select(a => f(a, b)).ToArray()).ToArray();
        var contour = CSharpChart.Contour<double, double, double, string>(z, X: xs, Y: ys, Name: title, ShowScale: true,
            ColorScale: StyleParam.Colorscale.Viridis, NContours: probability ? 10 : 20);
        var layers = new List<GenericChart> { contour };
        // The colour bar sits where the legend would: the classes keep their DecisionRegions colours instead.
        if (points is not null) layers.AddRange(Scatter(points, showLegend: false));
        return Style(CSharpChart.Combine(layers), title, xTitle, yTitle);
    }

    /// <summary>
    /// The class predicted at each point of the plane as coloured regions (boundaries where colours meet), with the data
    /// on top; <paramref name="lines"/> (e.g. the boundaries z_k = z_j) and <paramref name="marks"/> (e.g. where they meet)
    /// are drawn over it.
    /// </summary>
    public static GenericChart DecisionRegions(Func<double, double, int> classify, AxisRange x, AxisRange y, int classCount, string title,
        Dataset? points = null, string xTitle = "x₁", string yTitle = "x₂", int resolution = 150,
        IEnumerable<Series>? lines = null, IEnumerable<(string Name, double X, double Y)>? marks = null)
    {
        var xs = x.Grid(resolution);
        var ys = y.Grid(resolution);
        var z = ys.Select(b => xs.Select(a => (double)classify(a, b)).ToArray()).ToArray();
        // A stepped colour scale: class k gets colour k, flat over [k/(K), (k+1)/K].
        var scale = new List<Tuple<double, Color>>();
        for (int k = 0; k < classCount; k++)
        {
            var colour = Color.fromHex(ClassColours[k % ClassColours.Length]);
            scale.Add(Tuple.Create((double)k / classCount, colour));
            scale.Add(Tuple.Create((double)(k + 1) / classCount, colour));
        }
        var regions = CSharpChart.Heatmap<double, double, double, string>(z, X: xs, Y: ys, Name: "predicted class", ShowScale: false,
            Opacity: 0.35, ColorScale: StyleParam.Colorscale.NewCustom(scale.Select(s => Tuple.Create(s.Item1, s.Item2)).ToArray()));
        var layers = new List<GenericChart> { regions };
        if (points is not null) layers.AddRange(Scatter(points));
        foreach (var line in lines ?? [])
            layers.Add(CSharpChart.Line<double, double, string>(line.X.ToArray(), line.Y.ToArray(), Name: line.Name, ShowLegend: true,
                LineColor: Color.fromString("black"), LineDash: StyleParam.DrawingStyle.Dash));
        foreach (var (name, mx, my) in marks ?? [])
            layers.Add(CSharpChart.Point<double, double, string>(new[] { mx }, new[] { my }, Name: name, ShowLegend: true,
                MarkerColor: Color.fromString("black"), MarkerSymbol: StyleParam.MarkerSymbol.Star));
        return Style(CSharpChart.Combine(layers), title, xTitle, yTitle);
    }

    /// <summary>
    /// Optimisation paths over the contours of a loss of two parameters, one line per path (e.g. one per optimizer or
    /// learning rate); each path is a list of points [θ₁, θ₂].
    /// </summary>
    public static GenericChart ParameterPaths(Func<double, double, double> loss, AxisRange x, AxisRange y,
        IEnumerable<(string Name, IReadOnlyList<double[]> Path)> paths, string title, string xTitle = "θ₁", string yTitle = "θ₂",
        bool logContours = true, int resolution = 100)
    {
        var xs = x.Grid(resolution);
        var ys = y.Grid(resolution);
        // Log-spaced contours show both the valley floor and the walls of an ill-conditioned loss.
        var z = ys.Select(b => xs.Select(a => logContours ? Math.Log10(Math.Max(loss(a, b), 1e-12)) : loss(a, b)).ToArray()).ToArray();
        var layers = new List<GenericChart>
        {
            CSharpChart.Contour<double, double, double, string>(z, X: xs, Y: ys, Name: logContours ? "log₁₀ loss" : "loss",
                ColorScale: StyleParam.Colorscale.Viridis, ShowScale: false, NContours: 20, Opacity: 0.55),
        };
        foreach (var (name, path) in paths)
            layers.Add(CSharpChart.Line<double, double, string>(path.Select(p => p[0]).ToArray(), path.Select(p => p[1]).ToArray(),
                Name: name, ShowMarkers: true, ShowLegend: true));
        return Style(CSharpChart.Combine(layers), title, xTitle, yTitle);
    }

    /// <summary>
    /// The recorded parameter paths of training runs (RecordSteps or RecordTrajectory), one line per run: parameters
    /// <paramref name="axes"/> (default θ[0] and θ[1]) against each other, the first <paramref name="steps"/> snapshots.
    /// </summary>
    public static GenericChart ParameterPaths(Func<double, double, double> loss, AxisRange x, AxisRange y,
        IEnumerable<TrainingHistory> runs, string title, string xTitle = "θ₁", string yTitle = "θ₂",
        (int X, int Y)? axes = null, int? steps = null, bool logContours = true, int resolution = 100)
    {
        ArgumentNullException.ThrowIfNull(runs);
        var (first, second) = axes ?? (0, 1);
        if (steps < 1) throw new ArgumentOutOfRangeException(nameof(steps), steps, "a path needs at least one snapshot");
        var paths = runs.Select(run =>
        {
            if (run.Trajectory.Count == 0)
                throw new ArgumentException($"{run.Name}: no parameters were recorded; train with RecordTrajectory or RecordSteps.", nameof(runs));
            int count = run.Trajectory[0].Length;
            if (first < 0 || second < 0 || first >= count || second >= count)
                throw new ArgumentOutOfRangeException(nameof(axes), axes, $"{run.Name} has {count} parameters");
            IReadOnlyList<double[]> path = run.Trajectory.Take(steps ?? int.MaxValue).Select(p => new double[] { p[first], p[second] }).ToList();
            return (run.Name, path);
        }).ToList();
        return ParameterPaths(loss, x, y, paths, title, xTitle, yTitle, logContours, resolution);
    }

    /// <summary>The first two features of a data set as points, one colour per class.</summary>
    public static IEnumerable<GenericChart> Scatter(Dataset points, bool showLegend = true)
    {
        for (int k = 0; k < points.ClassCount; k++)
        {
            var rows = Enumerable.Range(0, points.Count).Where(i => points.Labels[i] == k).ToArray();
            if (rows.Length == 0) continue;
            yield return CSharpChart.Point<double, double, string>(rows.Select(i => (double)points[i, 0]).ToArray(),
                rows.Select(i => (double)points[i, 1]).ToArray(), Name: $"class {k}", ShowLegend: showLegend,
                MarkerColor: Color.fromHex(ClassColours[k % ClassColours.Length]));
        }
    }
}
