using System.Reflection;
using System.Text;
using DlCourse.Cli.Notebooks;

namespace DlCourse.Cli.Export;

/// <summary>A whole HTML page: assets, styles, an optional title page, then one section per notebook.</summary>
public static class ReportPage
{
    private static readonly Lazy<string> Css = new(() => Resource("report.css"));
    private static readonly Lazy<string> Script = new(() => Resource("report.js"));

    /// <summary>Writes the page for <paramref name="notebooks"/>; <paramref name="assetBase"/> is the URL (ending in /) of the node_modules layout.</summary>
    public static string Build(IReadOnlyList<(Notebook Notebook, string DisplayPath)> notebooks, ExportOptions options,
        string assetBase, ExportFormat mode, TitlePage? titlePage)
    {
        var renderer = new NotebookHtml(options, assetBase);
        var title = titlePage?.Title ?? (notebooks.Count == 1 ? NotebookHtml.Title(notebooks[0].Notebook) : options.Title ?? "Notebooks");
        var html = new StringBuilder();
        html.Append($"<!DOCTYPE html>\n<html lang=\"en\" data-mode=\"{(mode == ExportFormat.Pdf ? "pdf" : "html")}\">\n<head>\n<meta charset=\"utf-8\">\n");
        html.Append($"<title>{NotebookHtml.Encode(title)}</title>\n");
        html.Append($"<link rel=\"stylesheet\" href=\"{assetBase}{WebAssets.KatexCss}\">\n");
        html.Append($"<link rel=\"stylesheet\" href=\"{assetBase}{WebAssets.HighlightCss}\">\n");
        html.Append("<style>\n").Append(Css.Value).Append("</style>\n");
        foreach (var script in WebAssets.Scripts)
            html.Append($"<script src=\"{assetBase}{script}\"></script>\n");
        // In the head, so that output scripts in the body already find the requirejs shim and the instrumented Plotly.
        html.Append("<script>\n").Append(Script.Value).Append("</script>\n</head>\n<body>\n");
        if (titlePage is not null)
            html.Append(titlePage.ToHtml(notebooks.Select(n => NotebookHtml.Title(n.Notebook))));
        foreach (var (notebook, displayPath) in notebooks)
            html.Append(renderer.Render(notebook, displayPath));
        html.Append("</body>\n</html>\n");
        return html.ToString();
    }

    private static string Resource(string name)
    {
        using var stream = Assembly.GetExecutingAssembly().GetManifestResourceStream($"DlCourse.Cli.Export.{name}")
                           ?? throw new InvalidOperationException($"embedded resource {name} is missing from the build");
        return new StreamReader(stream).ReadToEnd();
    }
}

/// <summary>The first page of an assignment report: course, assignment, student and the list of questions.</summary>
public sealed record TitlePage(string Course, string Title, string? StudentName, string? StudentId, DateOnly Date)
{
    public string ToHtml(IEnumerable<string> questions)
    {
        static string E(string s) => NotebookHtml.Encode(s);
        var html = new StringBuilder("<section class=\"title-page\">\n");
        html.Append($"<div class=\"course\">{E(Course)}</div>\n<h1>{E(Title)}</h1>\n<dl>\n");
        html.Append($"<dt>Student</dt><dd class=\"student-name\">{E(StudentName ?? "—")}</dd>\n");
        html.Append($"<dt>Student ID</dt><dd class=\"student-id\">{E(StudentId ?? "—")}</dd>\n");
        html.Append($"<dt>Date</dt><dd>{Date:yyyy-MM-dd}</dd>\n</dl>\n<ol class=\"questions\">\n");
        // Headings may hold math ("L2-regularised $\ell$"): render them as Markdown so KaTeX typesets it here too.
        foreach (var q in questions) html.Append($"<li>{InlineMarkdown(q)}</li>\n");
        html.Append("</ol>\n</section>\n");
        return html.ToString();
    }

    private static string InlineMarkdown(string text)
    {
        var html = MathMarkdown.ToHtml(text).Trim();
        return html.StartsWith("<p>", StringComparison.Ordinal) && html.EndsWith("</p>", StringComparison.Ordinal) ? html[3..^4] : html;
    }
}
