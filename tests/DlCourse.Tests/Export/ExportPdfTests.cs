using System.Text.Json.Nodes;
using DlCourse.Cli.Export;
using DlCourse.Plotting;
using Plotly.NET;

namespace DlCourse.Tests.Export;

/// <summary>Exports notebooks to PDF in a real Chromium and reads the PDFs back: typeset math, outputs, charts with ink, no network.</summary>
[Collection(BrowserCollection.Name)]
public sealed class ExportPdfTests(BrowserFixture fixture) : IDisposable
{
    private readonly TempFolder temp = new();

    public void Dispose() => temp.Dispose();

    private async Task<ExportedFile> ExportOne(string notebook, ExportOptions? options = null)
    {
        var files = await NotebookExporter.ExportAsync([notebook], options ?? new ExportOptions { OutDir = temp["out"] }, fixture.Browser);
        var file = Assert.Single(files);
        Assert.True(file.Succeeded, file.Error);
        return file;
    }

    private static void AssertOnlyLocalRequests(PrintResult print)
    {
        Assert.NotEmpty(print.RequestedUrls); // the page itself and its bundled scripts, at least
        Assert.All(print.RequestedUrls, url => Assert.True(url.StartsWith("file:") || url.StartsWith("data:"), $"network request to {url}"));
        Assert.Empty(print.BlockedUrls);
        Assert.Empty(print.PageErrors);
    }

    /// <summary>Ink below a chart's title, as a fraction of the chart-sized box there: a blank chart area has almost none.</summary>
    private static double ChartInk(string pdf, string titleWord)
    {
        var title = PdfInspection.FindWord(pdf, titleWord);
        Assert.True(title is not null, $"chart title '{titleWord}' is not in the PDF: the chart was not drawn");
        var page = PdfInspection.RenderPage(pdf, title.Page);
        // The plot area sits under the title: skip the title's own line, take 200 pt of chart.
        double x0 = 40, x1 = title.PageWidth - 40, y0 = title.YMax + 8, y1 = Math.Min(title.YMax + 208, title.PageHeight);
        return page.CountInk(x0, y0, x1, y1) / (double)page.Pixels(x0, y0, x1, y1);
    }

    [Fact]
    public async Task ExecutedNotebook_HasTypesetMath_Outputs_AndADrawnChart()
    {
        var file = await ExportOne(BrowserFixture.Fixture("executed.ipynb"));
        var text = PdfInspection.Text(file.Path);

        // Math: KaTeX typeset it, so neither the TeX source nor its delimiters reach the page, and the symbols do.
        Assert.DoesNotContain(@"\frac", text);
        Assert.DoesNotContain(@"\partial", text);
        Assert.DoesNotContain("$$", text);
        Assert.Contains("∂L", text);
        Assert.Contains("σ(z)", text);
        // Stream output, error with its traceback (no terminal colour codes), HTML table output.
        Assert.Contains("loss = 2.303", text);
        Assert.Contains("System.InvalidOperationException: gradient check failed: 0.5 vs 0.25", text);
        Assert.Contains("at Submission#3", text);
        Assert.DoesNotContain("\u001b", text, StringComparison.Ordinal); // culture comparison ignores control characters
        Assert.DoesNotContain("[0;31m", text);
        Assert.Contains("yhat", text);
        Assert.Contains("Console.WriteLine", text);
        // The Plotly figure: its title and axis titles are drawn, and the plot area below is inked (the green traces).
        Assert.Contains("logit z", text);
        var ink = ChartInk(file.Path, "Zebragradient");
        Assert.True(ink > 0.03, $"chart area is blank: {ink:P2} ink");
        var title = PdfInspection.FindWord(file.Path, "Zebragradient")!;
        var green = PdfInspection.RenderPage(file.Path, title.Page)
            .CountInk(0, title.YMax, title.PageWidth, title.YMax + 250, (r, g, b) => g > r + 60 && g > b + 60);
        Assert.True(green > 500, $"only {green} pixels of the traces' green");
        // The PNG output (a blue 40×20 block) is on the page too.
        AssertOnlyLocalRequests(file.Print!);
        Assert.Contains(file.Print!.RequestedUrls, u => u.EndsWith("plotly.min.js"));
        Assert.Contains(file.Print!.RequestedUrls, u => u.EndsWith(".woff2")); // KaTeX's fonts, from the bundle
    }

    [Fact]
    public async Task WithoutOutputs_TheChartAreaIsBlank_SoTheInkCheckCanFail()
    {
        var file = await ExportOne(BrowserFixture.Fixture("executed.ipynb"), new ExportOptions { OutDir = temp["out"], IncludeOutputs = false });
        var text = PdfInspection.Text(file.Path);
        Assert.DoesNotContain("loss = 2.303", text);
        Assert.Null(PdfInspection.FindWord(file.Path, "Zebragradient"));
        Assert.Contains("Console.WriteLine", text);
    }

    [Fact]
    public async Task PlotlyNetInteractiveHtml_ThatLoadsPlotlyFromACdn_IsDrawnWithTheBundledCopy()
    {
        // Exactly what Plotly.NET.Interactive's formatter writes: requirejs, pointed at the plotly CDN.
        var chart = Charts.Lines("Quokkachart of losses", "epoch", "loss", [new Series("train", [1, 2, 3, 4], [1.0, 0.5, 0.3, 0.2])]);
        // F# optional arguments: null is None for all but the script reference.
        chart = Chart.withDisplayOptionsStyle(null, null, null, null, null, null, PlotlyJSReference.NewRequire($"https://cdn.plot.ly/plotly-{Globals.PLOTLYJS_VERSION}.min")).Invoke(chart);
        var html = GenericChart.toChartHTML(chart);
        Assert.Contains("cdn.plot.ly", html);
        var notebook = TestNotebooks.Write(temp["interactive.ipynb"], TestNotebooks.Display(new JsonObject { ["text/html"] = html, ["text/plain"] = "chart" }));

        var file = await ExportOne(notebook);

        AssertOnlyLocalRequests(file.Print!);
        var ink = ChartInk(file.Path, "Quokkachart");
        Assert.True(ink > 0.03, $"chart area is blank: {ink:P2} ink");
    }

    [Fact]
    public async Task RemoteReferencesInOutputs_AreBlocked_NotFetched()
    {
        var notebook = TestNotebooks.Write(temp["remote.ipynb"], TestNotebooks.Display(new JsonObject
        {
            ["text/html"] = "<p>remote image:</p><img src=\"https://images.example.invalid/cat.png\">",
        }));

        var file = await ExportOne(notebook);

        Assert.Equal(["https://images.example.invalid/cat.png"], file.Print!.BlockedUrls);
        Assert.Contains("remote image", PdfInspection.Text(file.Path));
    }

    [Fact]
    public async Task AssignmentReport_HasATitlePage_EachQuestionOnItsOwnPage_AndPageNumbers()
    {
        var folder = Directory.CreateDirectory(temp["a1-loss-functions"]).FullName;
        File.Copy(BrowserFixture.Fixture("executed.ipynb"), Path.Combine(folder, "q1-executed.ipynb"));
        File.Copy(BrowserFixture.Fixture("unexecuted.ipynb"), Path.Combine(folder, "q2-unexecuted.ipynb"));

        var files = await NotebookExporter.ExportAsync([folder], new ExportOptions { OutDir = temp["out"], Report = true, IncludeCode = false }, fixture.Browser);

        var file = Assert.Single(files);
        Assert.True(file.Succeeded, file.Error);
        Assert.Equal("a1-loss-functions.pdf", Path.GetFileName(file.Path));
        AssertOnlyLocalRequests(file.Print!);
        var pages = PdfInspection.PageCount(file.Path);
        Assert.True(pages >= 3, $"{pages} pages");
        var titlePage = PdfInspection.Text(file.Path, 1);
        Assert.Contains("A1 — Loss functions", titlePage);
        Assert.Contains("Ada Lovelace", titlePage); // from the notebook metadata dlcourse.student
        Assert.Contains("S1815", titlePage);
        Assert.Contains($"Page 1 of {pages}", titlePage);
        Assert.DoesNotContain("loss = 2.303", titlePage); // the questions start after it
        // Each question begins a page: its source line is the first text there.
        Assert.StartsWith("q1-executed.ipynb", PdfInspection.Text(file.Path, 2).Trim());
        var q2 = Enumerable.Range(3, pages - 2).Single(p => PdfInspection.Text(file.Path, p).Contains("q2-unexecuted.ipynb"));
        var q2Text = PdfInspection.Text(file.Path, q2);
        Assert.StartsWith("q2-unexecuted.ipynb", q2Text.Trim());
        Assert.Contains("has not been executed", q2Text);
        Assert.Contains($"Page {q2} of {pages}", q2Text);
        // --no-code: outputs stay, code goes.
        var all = PdfInspection.Text(file.Path);
        Assert.Contains("loss = 2.303", all);
        Assert.DoesNotContain("Console.WriteLine", all);
    }

    [Fact]
    public async Task APageThatDoesNotFinishRendering_FailsWithOneLine_AndTheBatchGoesOn()
    {
        var hanging = TestNotebooks.Write(temp["hangs.ipynb"], TestNotebooks.Display(new JsonObject { ["text/html"] = "<script>while (true) {}</script>" }));
        var limit = fixture.Browser.RenderTimeout;
        // Long enough for the good notebook on a loaded machine; the hanging one never finishes.
        fixture.Browser.RenderTimeout = TimeSpan.FromSeconds(8);
        try
        {
            var files = await NotebookExporter.ExportAsync([hanging, BrowserFixture.Fixture("executed.ipynb")], new ExportOptions { OutDir = temp["out"] }, fixture.Browser);
            Assert.Equal(2, files.Count);
            Assert.Contains("hangs.pdf: the page, its math and charts did not finish rendering within 8 s", files[0].Error);
            Assert.False(File.Exists(files[0].Path));
            // The batch goes on, on a fresh page.
            Assert.True(files[1].Succeeded, files[1].Error);
            Assert.Contains("loss = 2.303", PdfInspection.Text(files[1].Path));
        }
        finally
        {
            fixture.Browser.RenderTimeout = limit;
        }
    }

    [Fact]
    public async Task MissingBrowser_SaysWhatToInstall()
    {
        var e = await Assert.ThrowsAsync<ExportException>(() => PdfBrowser.StartAsync(temp["no-such-chromium"]));
        Assert.Contains("apt-get install chromium", e.Message);
        Assert.Contains("environment/setup.sh", e.Message);
        Assert.DoesNotContain("\n", e.Message);
    }
}
