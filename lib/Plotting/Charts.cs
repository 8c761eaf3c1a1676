using Plotly.NET;
using CSharpChart = Plotly.NET.CSharp.Chart;

namespace DlCourse.Plotting;

/// <summary>Plotly.NET charts for the course; each returns a chart that displays itself in a notebook.</summary>
public static partial class Charts
{
    /// <summary>Several lines on one pair of axes; <paramref name="logY"/> draws the y axis on a log scale.</summary>
    public static GenericChart Lines(string title, string xTitle, string yTitle, IEnumerable<Series> series, bool logY = false)
    {
        var lines = series.Select(Thin).Select(s => CSharpChart.Line<double, double, string>(s.X.ToArray(), s.Y.ToArray(), Name: s.Name, ShowLegend: true));
        return Style(CSharpChart.Combine(lines), title, xTitle, yTitle, logY);
    }

    /// <summary>Most points a line keeps; longer series (e.g. 20 000 epochs) are thinned evenly so that the notebook stays small.</summary>
    public const int MaxPointsPerLine = 2_000;

    private static Series Thin(Series s)
    {
        if (s.X.Count <= MaxPointsPerLine) return s;
        int stride = (s.X.Count + MaxPointsPerLine - 1) / MaxPointsPerLine;
        var keep = Enumerable.Range(0, s.X.Count).Where(i => i % stride == 0 || i == s.X.Count - 1).ToArray();
        return s with { X = keep.Select(i => s.X[i]).ToArray(), Y = keep.Select(i => s.Y[i]).ToArray() };
    }

    /// <summary>Titles and axis labels, shared by every chart here so that they look alike.</summary>
    internal static GenericChart Style(GenericChart chart, string title, string xTitle, string yTitle, bool logY = false)
    {
        chart = Plotly.NET.Chart.withTitle(title, null).Invoke(chart);
        chart = Plotly.NET.CSharp.GenericChartExtensions.WithXAxisStyle<double, double, string>(chart, TitleText: xTitle);
        // Set the axis type only for log scales: forcing "linear" would break category axes (e.g. class names).
        if (!logY) return Plotly.NET.CSharp.GenericChartExtensions.WithYAxisStyle<double, double, string>(chart, TitleText: yTitle);
        chart = Plotly.NET.CSharp.GenericChartExtensions.WithYAxisStyle<double, double, string>(chart, TitleText: yTitle, AxisType: StyleParam.AxisType.Log);
        // Powers of ten (10⁻¹⁵) rather than SI prefixes ("1f") on log axes.
        var layout = GenericChart.getLayout(chart);
        var axis = layout.TryGetPropertyValue("yaxis");
        if (axis is not null && axis.Value is DynamicObj.DynamicObj yAxis) yAxis.SetProperty("exponentformat", "power");
        return chart;
    }
}
