using System.Text.Json.Nodes;
using DlCourse.Cli.Commands;
using DlCourse.Cli.Export;
using DlCourse.Cli.Notebooks;
using DlCourse.Cli.Running;
using DlCourse.Tests.Support;

namespace DlCourse.Tests.Export;

/// <summary>Notebooks executed by the real runner (kernel, course library, chart display), exported to PDF and read back.</summary>
[Collection(BrowserCollection.Name)]
public sealed class RunnerExportTests(BrowserFixture fixture) : IDisposable
{
    private readonly TempFolder temp = new();

    public void Dispose() => temp.Dispose();

    [Fact]
    public async Task RunnerExecutedNotebooks_ExportToOneReport_WithTypesetMathAndDrawnCharts()
    {
        var folder = Directory.CreateDirectory(temp["a1-loss-functions"]).FullName;
        var options = new RunOptions { Profile = "fast", CellTimeout = TimeSpan.FromMinutes(2) };

        // A probe that uses what course notebooks use: course.csx, a library chart, printing, math, a failing cell.
        var probe = await NotebookRunner.RunAsync(TestNotebook.Create(
                "md:# Probe — runner to PDF\n\nSoftmax with cross-entropy has $$\\frac{\\partial L}{\\partial z} = \\hat y - y$$ where $\\hat y = \\mathrm{softmax}(z)$.",
                "#load \"course.csx\"",
                "Console.WriteLine($\"loss = {-Math.Log(0.1):F3}\");",
                "DlCourse.Plotting.Charts.Lines(\"Wombatcurve\", \"step\", \"loss\", new[] { new DlCourse.Plotting.Series(\"train\", new double[] { 1, 2, 3, 4 }, new double[] { 2.3, 1.1, 0.7, 0.5 }) })",
                "throw new InvalidOperationException(\"deliberate failure\");"),
            Path.Combine(Repository.Notebooks, "probe.ipynb"), options);
        Assert.Equal("cell 5: InvalidOperationException: deliberate failure", probe.Describe());
        probe.Executed.Save(Path.Combine(folder, "q0-probe.ipynb"));

        // The course's first A1 notebook, where it exists, exactly as `dlcourse run` executes it.
        var a1 = Path.Combine(Repository.Notebooks, "a1-loss-functions");
        var real = Directory.Exists(a1) ? Directory.EnumerateFiles(a1, "*.ipynb").Order(StringComparer.Ordinal).FirstOrDefault() : null;
        if (real is not null)
        {
            var run = await NotebookRunner.RunAsync(Notebook.Load(real), real, options);
            Assert.True(run.Succeeded, run.Describe());
            run.Executed.Save(Path.Combine(folder, Path.GetFileName(real)));
        }

        var file = Assert.Single(await NotebookExporter.ExportAsync([folder], new ExportOptions { OutDir = temp["out"], Report = true }, fixture.Browser));

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

        // Every chart the notebooks displayed is on the page, with ink under its title.
        var titles = Directory.EnumerateFiles(folder).SelectMany(ChartTitles).ToList();
        Assert.Contains("Wombatcurve", titles);
        foreach (var title in titles)
        {
            var word = title.Split(' ', StringSplitOptions.RemoveEmptyEntries).OrderByDescending(w => w.Length).First();
            var box = PdfInspection.FindWord(file.Path, word);
            Assert.True(box is not null, $"chart '{title}' is not in the PDF");
            var page = PdfInspection.RenderPage(file.Path, box.Page);
            double x0 = 40, x1 = box.PageWidth - 40, y0 = box.YMax + 8, y1 = Math.Min(box.YMax + 160, box.PageHeight);
            var ink = page.CountInk(x0, y0, x1, y1) / (double)page.Pixels(x0, y0, x1, y1);
            Assert.True(ink > 0.03, $"chart '{title}' looks blank: {ink:P2} ink");
        }
    }

    private static IEnumerable<string> ChartTitles(string notebook) =>
        Notebook.Load(notebook).Cells.SelectMany(c => c.Outputs)
            .Select(o => o?["data"]?["application/vnd.plotly.v1+json"]?["layout"]?["title"]?["text"])
            .OfType<JsonValue>().Select(v => (string)v!).Where(t => t.Trim().Length > 0);
}
