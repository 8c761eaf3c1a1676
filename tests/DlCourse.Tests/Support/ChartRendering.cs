using System.Diagnostics;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace DlCourse.Tests.Support;

/// <summary>
/// Renders Plotly figure JSON (as notebooks emit it under application/vnd.plotly.v1+json) in headless Chromium with the
/// plotly.js embedded in Plotly.NET.dll, so that nothing is fetched from the network, and reads back the screenshot.
/// </summary>
public static class ChartRendering
{
    public const string PlotlyMime = "application/vnd.plotly.v1+json";
    private const string PlotlyResource = "Plotly.NET.plotly-2.28.0.min.js";

    public static string Chromium => new[] { "/usr/bin/chromium", "/usr/bin/chromium-browser", "/usr/bin/google-chrome" }.FirstOrDefault(File.Exists)
        ?? throw new InvalidOperationException("Chromium is not installed: run environment/setup.sh (apt-get install chromium)");

    private static readonly Lazy<string> plotlyJs = new(() =>
    {
        var assembly = typeof(Plotly.NET.GenericChart).Assembly;
        using var stream = assembly.GetManifestResourceStream(PlotlyResource)
            ?? throw new InvalidOperationException($"{assembly.GetName().Name} has no resource {PlotlyResource}");
        return new StreamReader(stream).ReadToEnd();
    });

    /// <summary>plotly.js as shipped inside Plotly.NET.dll.</summary>
    public static string PlotlyJs => plotlyJs.Value;

    /// <summary>A self-contained HTML page drawing one figure, with plotly.js inlined.</summary>
    public static string Page(string figureJson) =>
        "<!DOCTYPE html><html><head><meta charset=\"utf-8\"><style>body{margin:0;background:#fff}</style>" +
        "<script>" + PlotlyJs.Replace("</script>", "<\\/script>") + "</script></head><body>" +
        "<div id=\"chart\" style=\"width:800px;height:600px\"></div><script>" +
        "const figure = " + figureJson.Replace("</", "<\\/") + ";" +
        "Plotly.newPlot('chart', figure.data, Object.assign({}, figure.layout, {width: 800, height: 600}), {staticPlot: true});" +
        "</script></body></html>";

    /// <summary>Screenshots the figure at 800 × 600 and returns the decoded picture.</summary>
    public static Png Render(string figureJson, string folder)
    {
        Directory.CreateDirectory(folder);
        var html = Path.Combine(folder, "figure.html");
        var png = Path.Combine(folder, "figure.png");
        File.WriteAllText(html, Page(figureJson));
        var profile = Path.Combine(folder, "chromium-profile");
        var start = new ProcessStartInfo(Chromium)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        foreach (var argument in new[]
                 {
                     "--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
                     "--disable-sync", "--no-first-run", "--hide-scrollbars", $"--user-data-dir={profile}",
                     "--virtual-time-budget=10000", $"--screenshot={png}", "--window-size=800,600", new Uri(html).AbsoluteUri,
                 })
            start.ArgumentList.Add(argument);
        using var process = Process.Start(start)!;
        var stderr = process.StandardError.ReadToEndAsync();
        process.StandardOutput.ReadToEnd();
        if (!process.WaitForExit(120_000)) { process.Kill(entireProcessTree: true); throw new TimeoutException("Chromium did not finish within 120 s"); }
        if (!File.Exists(png)) throw new InvalidOperationException($"Chromium wrote no screenshot (exit {process.ExitCode}): {stderr.Result}");
        return Png.Read(png);
    }

    /// <summary>Every Plotly figure among the outputs of an executed notebook (.ipynb JSON), as figure JSON text.</summary>
    public static IReadOnlyList<string> FiguresIn(string notebookJson)
    {
        var figures = new List<string>();
        var notebook = JsonNode.Parse(notebookJson)!;
        foreach (var cell in notebook["cells"]!.AsArray())
            foreach (var output in cell!["outputs"]?.AsArray() ?? [])
                if (output!["data"]?[PlotlyMime] is { } figure)
                    figures.Add(figure is JsonValue value && value.TryGetValue<string>(out var text) ? text : figure.ToJsonString());
        return figures;
    }
}
