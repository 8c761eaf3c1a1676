using Microsoft.DotNet.Interactive.Formatting;
using Plotly.NET;

namespace DlCourse.Plotting;

/// <summary>Shows Plotly.NET charts in notebooks as Plotly JSON, which VS Code and our exporter render with a local plotly.js.</summary>
public static class ChartDisplay
{
    /// <summary>The MIME type of a Plotly figure (the one Jupyter front ends render offline).</summary>
    public const string PlotlyMimeType = "application/vnd.plotly.v1+json";

    private static bool registered;

    public static void Register()
    {
        if (registered) return;
        Formatter.Register<GenericChart>((chart, writer) => writer.Write(FigureJson(chart)), PlotlyMimeType);
        Formatter.Register<GenericChart>((chart, writer) => writer.Write(Describe(chart)), PlainTextFormatter.MimeType);
        Formatter.SetPreferredMimeTypesFor(typeof(GenericChart), PlotlyMimeType, PlainTextFormatter.MimeType);
        registered = true;
    }

    /// <summary>The chart as a Plotly figure: <c>{"data": [...], "layout": {...}}</c>.</summary>
    public static string FigureJson(GenericChart chart) => Plotting.FigureJson.Of(chart);

    private static string Describe(GenericChart chart)
    {
        using var figure = System.Text.Json.JsonDocument.Parse(FigureJson(chart));
        var layout = figure.RootElement.GetProperty("layout");
        return layout.TryGetProperty("title", out var title) && title.TryGetProperty("text", out var text)
            ? $"Chart: {text.GetString()}" : "Chart";
    }
}
