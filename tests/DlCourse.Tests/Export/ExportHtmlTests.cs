using System.CommandLine;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using DlCourse.Cli.Commands;
using DlCourse.Cli.Export;

namespace DlCourse.Tests.Export;

/// <summary>HTML export and the exporter's parts that need no browser: Markdown math, outputs, options, errors.</summary>
public sealed class ExportHtmlTests : IDisposable
{
    private readonly TempFolder temp = new();

    public void Dispose() => temp.Dispose();

    private string ExportHtml(string notebook, ExportOptions? options = null)
    {
        var files = NotebookExporter.ExportAsync([notebook], options ?? new ExportOptions { OutDir = temp["out"], Format = ExportFormat.Html }).GetAwaiter().GetResult();
        return File.ReadAllText(Assert.Single(files).Path);
    }

    [Fact]
    public void HtmlExport_UsesOnlyTheBundledAssets_CopiedNextToIt()
    {
        var html = ExportHtml(BrowserFixture.Fixture("executed.ipynb"));

        var references = Regex.Matches(html, @"\b(?:src|href)=""([^""]*)""").Select(m => m.Groups[1].Value)
            .Where(r => !r.StartsWith("data:")).ToList();
        Assert.NotEmpty(references);
        Assert.All(references, r => Assert.StartsWith("assets/", r));
        Assert.All(references, r => Assert.True(File.Exists(temp["out/" + r]), $"{r} was not copied"));
        Assert.True(File.Exists(temp["out/assets/katex/dist/fonts/KaTeX_Main-Regular.woff2"]));
        Assert.Contains("application/vnd.plotly", File.ReadAllText(BrowserFixture.Fixture("executed.ipynb")));
        Assert.Contains("class=\"plotly-figure\"", html);
        Assert.Contains("<span class=\"math\">\\(L = -[y \\log \\hat y", html);
        Assert.Contains("<span class=\"math display\">\\[\\frac{\\partial L}{\\partial z}", html);
        Assert.Contains("<img src=\"data:image/png;base64,iVBOR", html);
        Assert.DoesNotContain("has not been executed", html);
    }

    [Fact]
    public async Task AFolderExport_MirrorsItsLayout_AndNestedPagesFindTheSharedAssets()
    {
        var a1 = Directory.CreateDirectory(temp["course/a1-loss-functions"]).FullName;
        File.Copy(BrowserFixture.Fixture("executed.ipynb"), Path.Combine(a1, "q1-executed.ipynb"));
        File.Copy(BrowserFixture.Fixture("unexecuted.ipynb"), temp["course/top.ipynb"]);

        var files = await NotebookExporter.ExportAsync([temp["course"]], new ExportOptions { OutDir = temp["out"], Format = ExportFormat.Html });

        Assert.Equal([temp["out/a1-loss-functions/q1-executed.html"], temp["out/top.html"]], files.Select(f => f.Path));
        var nested = File.ReadAllText(files[0].Path);
        Assert.Contains($"<script src=\"../assets/{WebAssets.PlotlyJs}\">", nested);
        Assert.True(File.Exists(Path.Combine(temp["out/a1-loss-functions"], "../assets", WebAssets.PlotlyJs)));
        Assert.Contains($"<script src=\"assets/{WebAssets.PlotlyJs}\">", File.ReadAllText(files[1].Path));
    }

    [Fact]
    public void PlotlyCdnReferences_InHtmlOutputs_PointAtTheBundledCopy()
    {
        var output = "<script src=\"https://cdn.plot.ly/plotly-2.28.0.min.js\"></script><div id=\"c\"></div>"
                     + "<script>requirejs.config({paths:{plotly:'https://cdn.plot.ly/plotly-2.28.0.min'}})</script>";
        var notebook = TestNotebooks.Write(temp["cdn.ipynb"], TestNotebooks.Display(new JsonObject { ["text/html"] = output }));

        var html = ExportHtml(notebook);

        Assert.DoesNotContain("cdn.plot.ly", html);
        Assert.Contains("plotly:'assets/plotly.js-dist-min/plotly.min.js'", html);
        Assert.Single(Regex.Matches(html, "<script src=\"[^\"]*plotly.min.js\"")); // the page's own, in the head
    }

    [Fact]
    public void NoCode_HidesSources_NoOutputs_HidesOutputs()
    {
        var withoutCode = ExportHtml(BrowserFixture.Fixture("executed.ipynb"), new ExportOptions { OutDir = temp["a"], Format = ExportFormat.Html, IncludeCode = false });
        Assert.DoesNotContain("Console.WriteLine", withoutCode);
        Assert.Contains("loss = 2.303", withoutCode);

        var withoutOutputs = ExportHtml(BrowserFixture.Fixture("executed.ipynb"), new ExportOptions { OutDir = temp["b"], Format = ExportFormat.Html, IncludeOutputs = false });
        Assert.Contains("Console.WriteLine", withoutOutputs);
        Assert.DoesNotContain("loss = 2.303", withoutOutputs);
        Assert.DoesNotContain("class=\"plotly-figure\"", withoutOutputs);
    }

    [Fact]
    public void UnexecutedNotebook_Exports_WithAVisibleNote()
    {
        var html = ExportHtml(BrowserFixture.Fixture("unexecuted.ipynb"));
        Assert.Contains("<p class=\"note not-executed\">This notebook has not been executed", html);
        Assert.Contains("Console.WriteLine", html);
    }

    [Fact]
    public void ErrorOutput_ShowsNameValueAndTraceback_WithoutTerminalCodes()
    {
        var html = ExportHtml(BrowserFixture.Fixture("executed.ipynb"));
        Assert.Contains("<span class=\"ename\">System.InvalidOperationException</span>: gradient check failed: 0.5 vs 0.25\n   at Submission#3", html);
        Assert.DoesNotContain("\u001b", html, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("$$\\frac{a}{b}$$", "<span class=\"math display\">\\[\\frac{a}{b}\\]</span>")]
    [InlineData("a $x_1 * y_2$ b", "<span class=\"math\">\\(x_1 * y_2\\)</span>")]
    [InlineData("Text\n$$a = 1\n+ b$$\nafter", "<div class=\"math\">\n\\[\na = 1\n+ b\n\\]</div>")]
    [InlineData("$$\n\\sum_i x_i\n$$", "<div class=\"math\">\n\\[\n\\sum_i x_i\n\\]</div>")]
    [InlineData("costs $5 and $6", "<p>costs $5 and $6</p>")]
    public void MarkdownMath_IsLeftForKaTeX_WithDoubleDollarsAsDisplayMath(string markdown, string expected) =>
        Assert.Contains(expected, MathMarkdown.ToHtml(markdown));

    [Fact]
    public void TitlePage_ListsQuestions_WithMathInTheirHeadings()
    {
        var html = new TitlePage("Course", "A1 — Loss functions", "Ada", null, new DateOnly(2026, 11, 22))
            .ToHtml(["Q3 — L2-regularised BCE, $\\lambda > 0$", "Q4 — <b>bold</b> & more"]);
        Assert.Contains("<li>Q3 — L2-regularised BCE, <span class=\"math\">\\(\\lambda &gt; 0\\)</span></li>", html);
        Assert.Contains("<dd class=\"student-name\">Ada</dd>", html);
        Assert.Contains("<dd class=\"student-id\">—</dd>", html);
        Assert.Contains("2026-11-22", html);
    }

    [Fact]
    public void Ansi_StripsColourCodes() =>
        Assert.Equal("Error: boom at x", Ansi.Strip("\u001b[0;31mError\u001b[0m: \u001b[1mboom\u001b[22m at x"));

    [Fact]
    public async Task MissingOrMalformedNotebook_OneLine_NonZeroExit()
    {
        File.WriteAllText(temp["broken.ipynb"], "{\"cells\": [");
        foreach (var (path, expected) in new[] { (temp["nope.ipynb"], "no such file"), (temp["broken.ipynb"], "not valid JSON") })
        {
            var stdout = new StringWriter();
            var stderr = new StringWriter();
            var code = await ExportCommand.RunAsync([path], new ExportOptions { OutDir = temp["out"] }, stdout, stderr);
            Assert.Equal(2, code);
            var line = Assert.Single(stderr.ToString().Split('\n', StringSplitOptions.RemoveEmptyEntries));
            Assert.StartsWith("dlcourse export: ", line);
            Assert.Contains(expected, line);
            Assert.Contains(path, line);
        }
        Assert.False(Directory.Exists(temp["out"])); // nothing is written when an input is bad
    }

    [Fact]
    public async Task CommandLine_ParsesOptions_AndFailsOnAMissingNotebook()
    {
        var root = new RootCommand { ExportCommand.Create() };
        Assert.Equal(2, await root.Parse(["export", temp["nope.ipynb"], "--to", "html", "--out", temp["out"]]).InvokeAsync());
        Assert.Equal(0, await root.Parse(["export", BrowserFixture.Fixture("executed.ipynb"), "--to", "html", "--out", temp["out"], "--no-code"]).InvokeAsync());
        Assert.DoesNotContain("Console.WriteLine", File.ReadAllText(temp["out/executed.html"]));
        Assert.NotEqual(0, await root.Parse(["export", BrowserFixture.Fixture("executed.ipynb"), "--to", "docx"]).InvokeAsync());
    }

    [Fact]
    public void MissingAssets_NameAssetsSh()
    {
        var e = Assert.Throws<ExportException>(() => WebAssets.Find(temp.Path));
        Assert.Contains("environment/assets.sh", e.Message);
    }

    [Fact]
    public void AssignmentTitle_ComesFromTheFolderName() =>
        Assert.Equal("A1 — Loss functions", NotebookExporter.AssignmentTitle("notebooks/a1-loss-functions/q1-why-ce.ipynb"));
}
