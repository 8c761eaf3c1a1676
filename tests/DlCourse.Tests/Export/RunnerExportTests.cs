using System.Text.Json.Nodes;
using DlCourse.Cli.Commands;
using DlCourse.Cli.Export;
using DlCourse.Cli.Notebooks;
using DlCourse.Cli.Running;
using DlCourse.Tests.Support;

namespace DlCourse.Tests.Export;

/// <summary>Notebooks executed by the real runner (kernel, course library, chart display), exported to PDF and read back.</summary>
[Collection(BrowserCollection.Name)]
public sealed class RunnerExportTests(BrowserFixture fixture, Xunit.Abstractions.ITestOutputHelper log) : IDisposable
{
    private readonly TempFolder temp = new();

    public void Dispose() => temp.Dispose();

    [Fact]
    public async Task RunnerExecutedNotebooks_ExportToOneReport_WithTypesetMathAndDrawnCharts()
    {
        // The whole of A1, executed by `dlcourse run` exactly as the Quick start does it (shared with the course tests).
        var clock = System.Diagnostics.Stopwatch.StartNew();
        var folder = Directory.CreateDirectory(temp["a1-loss-functions"]).FullName;
        foreach (var executed in Directory.EnumerateFiles(Path.Combine(Notebooks.ExecutedCourse.Shared.OutDir, "a1-loss-functions"), "*.ipynb"))
            File.Copy(executed, Path.Combine(folder, Path.GetFileName(executed)));
        var options = new RunOptions { Profile = "fast", CellTimeout = TimeSpan.FromMinutes(2) };
        var questions = Directory.EnumerateFiles(folder, "*.ipynb").Select(Path.GetFileName).Order(StringComparer.Ordinal).ToList();
        Assert.NotEmpty(questions);

        // A probe that uses what course notebooks use: course.csx, a library chart, printing, math, and a failing cell.
        var probe = await NotebookRunner.RunAsync(TestNotebook.Create(
                "md:# Probe — runner to PDF\n\nSoftmax with cross-entropy has $$\\frac{\\partial L}{\\partial z} = \\hat y - y$$ where $\\hat y = \\mathrm{softmax}(z)$.",
                "#!import \"../course.csx\"",
                "Console.WriteLine($\"loss = {-Math.Log(0.1):F3}\");",
                "DlCourse.Plotting.Charts.Lines(\"Wombatcurve\", \"step\", \"loss\", new[] { new DlCourse.Plotting.Series(\"train\", new double[] { 1, 2, 3, 4 }, new double[] { 2.3, 1.1, 0.7, 0.5 }) })",
                "throw new InvalidOperationException(\"deliberate failure\");"),
            Path.Combine(Repository.Notebooks, "a1-loss-functions", "probe.ipynb"), options);
        Assert.Equal("cell 5: InvalidOperationException: deliberate failure", probe.Describe());
        probe.Executed.Save(Path.Combine(folder, "q0-probe.ipynb"));
        log.WriteLine($"ran {questions.Count} A1 notebooks and the probe: {clock.Elapsed.TotalSeconds:0.0} s");

        var file = Assert.Single(await NotebookExporter.ExportAsync([folder], new ExportOptions { OutDir = temp["out"], Report = true }, fixture.Browser));

        log.WriteLine($"exported the report: {clock.Elapsed.TotalSeconds:0.0} s");
        Assert.True(file.Succeeded, file.Error);
        Assert.Empty(file.Print!.PageErrors); // KaTeX typeset every formula, every chart was drawn
        Assert.Empty(file.Print.BlockedUrls);
        Assert.All(file.Print.RequestedUrls, url => Assert.True(url.StartsWith("file:") || url.StartsWith("data:"), url));
        var text = PdfInspection.Text(file.Path);
        Assert.Contains("loss = 2.303", text);
        Assert.Contains("InvalidOperationException: deliberate failure", text);
        Assert.Contains("∂L", text);
        Assert.DoesNotContain(@"\frac", text);
        Assert.DoesNotContain("$$", text);
        Assert.DoesNotContain("has not been executed", text);

        // Each question starts a page: its path is the first line there, in order, after the title page and the probe.
        var pages = PdfInspection.PageTexts(file.Path);
        Assert.Equal(PdfInspection.PageCount(file.Path), pages.Count);
        var starts = pages.Skip(1).Select(p => p.Trim().Split('\n')[0]).Where(line => line.EndsWith(".ipynb")).Select(Path.GetFileName).ToList();
        Assert.Equal(["q0-probe.ipynb", .. questions], starts);

        // Every chart the notebooks displayed is on the page, with ink under its title.
        var titles = Directory.EnumerateFiles(folder, "*.ipynb").SelectMany(ChartTitles).ToList();
        var words = PdfInspection.Words(file.Path);
        Assert.Contains("Wombatcurve", titles);
        var rendered = new Dictionary<int, PdfInspection.Raster>();
        foreach (var title in titles)
        {
            // The title is also in the cell's source; the chart is where ink follows it.
            var inks = PdfInspection.FindPhrase(words, title).Select(box =>
            {
                if (!rendered.TryGetValue(box.Page, out var page)) rendered[box.Page] = page = PdfInspection.RenderPage(file.Path, box.Page);
                double x0 = 40, x1 = box.PageWidth - 40, y0 = box.YMax + 8, y1 = Math.Min(box.YMax + 160, box.PageHeight);
                return page.CountInk(x0, y0, x1, y1) / (double)page.Pixels(x0, y0, x1, y1);
            }).ToList();
            Assert.True(inks.Count > 0, $"chart '{title}' is not in the PDF");
            Assert.True(inks.Max() > 0.03, $"chart '{title}' looks blank: {inks.Max():P2} ink");
        }
        log.WriteLine($"checked {titles.Count} charts: {clock.Elapsed.TotalSeconds:0.0} s");
    }

    private static IEnumerable<string> ChartTitles(string notebook) =>
        Notebook.Load(notebook).Cells.SelectMany(c => c.Outputs)
            .Select(o => o?["data"]?["application/vnd.plotly.v1+json"]?["layout"]?["title"]?["text"])
            .OfType<JsonValue>().Select(v => (string)v!).Where(t => t.Trim().Length > 0);
}
