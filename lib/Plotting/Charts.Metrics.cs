using Plotly.NET;
using CSharpChart = Plotly.NET.CSharp.Chart;

namespace DlCourse.Plotting;

public static partial class Charts
{
    /// <summary>A metric against a hyper-parameter (validation accuracy against λ, say), points joined by a line; <paramref name="logX"/>
    /// for rates and strengths, where a parameter ≤ 0 (λ = 0) is left out: a log axis has no place for it.</summary>
    public static GenericChart MetricAgainst(string title, string parameter, string metric, IReadOnlyList<double> values,
        IReadOnlyList<double> results, bool logX = false, string? name = null)
    {
        ArgumentNullException.ThrowIfNull(values);
        ArgumentNullException.ThrowIfNull(results);
        if (values.Count != results.Count) throw new ArgumentException($"{values.Count} parameter values but {results.Count} results");
        var shown = Enumerable.Range(0, values.Count).Where(i => !logX || values[i] > 0).ToArray();
        if (shown.Length == 0) throw new ArgumentException("No parameter value is positive: a log axis has none to show.", nameof(values));
        var chart = CSharpChart.Line<double, double, string>(shown.Select(i => values[i]).ToArray(), shown.Select(i => results[i]).ToArray(),
            Name: name ?? metric, ShowMarkers: true, ShowLegend: name is not null);
        chart = Style(chart, title, parameter, metric);
        return logX ? Plotly.NET.CSharp.GenericChartExtensions.WithXAxisStyle<double, double, string>(chart, TitleText: parameter, AxisType: StyleParam.AxisType.Log) : chart;
    }

    /// <summary>The magnitude of the gradient reaching each layer, on a log axis (vanishing gradients fall as a straight line); one series per network.</summary>
    public static GenericChart GradientMagnitudes(IEnumerable<Series> perLayer, string title = "gradient magnitude per layer") =>
        Lines(title, "layer", "|∂E/∂w|", perLayer.Select(s => s with { Y = s.Y.Select(v => Math.Abs(v)).ToArray() }), logY: true);
}
