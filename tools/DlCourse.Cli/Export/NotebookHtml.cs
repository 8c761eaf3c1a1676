using System.Net;
using System.Text;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using DlCourse.Cli.Notebooks;

namespace DlCourse.Cli.Export;

/// <summary>Turns notebooks into HTML sections: Markdown through Markdig (math left for KaTeX), code for highlight.js, and every output kind.</summary>
public sealed partial class NotebookHtml(ExportOptions options, string assetBase)
{
    /// <summary>MIME types shown, richest first; an output shows only the first it has.</summary>
    private static readonly string[] MimeOrder =
    [
        PlotlyMime, "text/html", "image/svg+xml", "image/png", "image/jpeg", "text/markdown", "text/latex", "application/json", "text/plain",
    ];

    public const string PlotlyMime = "application/vnd.plotly.v1+json";

    /// <summary>One notebook as a <c>&lt;section&gt;</c>; <paramref name="displayPath"/> is shown above it.</summary>
    public string Render(Notebook notebook, string displayPath)
    {
        var html = new StringBuilder();
        html.Append("<section class=\"notebook\">\n");
        html.Append("<div class=\"notebook-source\">").Append(Encode(displayPath)).Append("</div>\n");
        if (!WasExecuted(notebook) && options.IncludeOutputs)
            html.Append("<p class=\"note not-executed\">This notebook has not been executed, so it shows no outputs. ")
                .Append("Run it with <code>dlcourse run</code> and export the executed copy.</p>\n");
        foreach (var cell in notebook.Cells)
            RenderCell(cell, html);
        html.Append("</section>\n");
        return html.ToString();
    }

    /// <summary>True when some code cell ran; a notebook that never did gets a note instead of silently empty outputs.</summary>
    public static bool WasExecuted(Notebook notebook) =>
        notebook.Cells.Any(c => c.Kind == CellKind.Code && (c.ExecutionCount is not null || c.Outputs.Count > 0));

    /// <summary>The notebook's first Markdown heading, used as the question's title in a report's contents.</summary>
    public static string Title(Notebook notebook)
    {
        foreach (var cell in notebook.Cells.Where(c => c.Kind == CellKind.Markdown))
            foreach (var line in cell.Source.Split('\n'))
                if (line.TrimStart().StartsWith('#'))
                    return line.TrimStart().TrimStart('#').Trim();
        return Path.GetFileNameWithoutExtension(notebook.Name);
    }

    private void RenderCell(NotebookCell cell, StringBuilder html)
    {
        switch (cell.Kind)
        {
            case CellKind.Markdown:
                html.Append("<div class=\"cell markdown\">").Append(MarkdownToHtml(cell)).Append("</div>\n");
                break;
            case CellKind.Code:
                if (!options.IncludeCode && (!options.IncludeOutputs || cell.Outputs.Count == 0)) return;
                html.Append("<div class=\"cell code\">\n");
                if (options.IncludeCode)
                {
                    var prompt = cell.ExecutionCount is { } n ? $"In [{n}]:" : "In [ ]:";
                    html.Append("<div class=\"prompt\">").Append(prompt).Append("</div>");
                    html.Append("<pre class=\"source\"><code class=\"language-").Append(HighlightLanguage(cell.Language)).Append("\">")
                        .Append(Encode(cell.Source)).Append("</code></pre>\n");
                }
                if (options.IncludeOutputs)
                    foreach (var output in cell.Outputs.OfType<JsonObject>())
                        html.Append(RenderOutput(output)).Append('\n');
                html.Append("</div>\n");
                break;
            default: // raw cells are meant for other converters; show them as text
                if (cell.Source.Length > 0) html.Append("<pre class=\"cell raw\">").Append(Encode(cell.Source)).Append("</pre>\n");
                break;
        }
    }

    private static string MarkdownToHtml(NotebookCell cell)
    {
        var source = cell.Source;
        // Cell attachments (pasted images) become data URIs so the page needs nothing else.
        if (cell.Node["attachments"] is JsonObject attachments)
            foreach (var (name, bundle) in attachments)
                if (bundle is JsonObject mimes && mimes.FirstOrDefault(kv => kv.Key.StartsWith("image/", StringComparison.Ordinal)) is { Key: not null } image)
                    source = source.Replace("attachment:" + name, $"data:{image.Key};base64,{Base64(MultilineText.Read(image.Value))}");
        return MathMarkdown.ToHtml(source);
    }

    /// <summary>One nbformat output as HTML: the richest MIME type of a display, a stream's text, or an error with its traceback.</summary>
    public string RenderOutput(JsonObject output) => (string?)output["output_type"] switch
    {
        "stream" => $"<div class=\"output stream {Encode((string?)output["name"] ?? "stdout")}\"><pre>{Encode(Ansi.Strip(MultilineText.Read(output["text"])))}</pre></div>",
        "error" => RenderError(output),
        "display_data" or "execute_result" or "update_display_data" when output["data"] is JsonObject data => RenderData(data),
        _ => "",
    };

    private static string RenderError(JsonObject error)
    {
        var name = (string?)error["ename"] ?? "Error";
        var message = (string?)error["evalue"] ?? "";
        var firstLine = message.Split('\n')[0].Trim();
        // Tracebacks usually repeat "Type: message" first (the runner writes Exception.ToString()); show that once.
        var lines = (error["traceback"] as JsonArray ?? []).Select(l => Ansi.Strip((string?)l ?? "").TrimEnd('\r')).ToList();
        if (lines.Count > 0 && firstLine.Length > 0 && lines[0].Trim().EndsWith(firstLine, StringComparison.Ordinal))
            lines.RemoveAt(0);
        var trace = string.Join("\n", lines).Trim('\n');
        if (trace.Trim() == message.Trim()) trace = "";
        return $"<div class=\"output error\"><pre><span class=\"ename\">{Encode(name)}</span>: {Encode(message)}"
               + (trace.Length > 0 ? "\n" + Encode(trace) : "") + "</pre></div>";
    }

    private string RenderData(JsonObject data)
    {
        var mime = MimeOrder.FirstOrDefault(data.ContainsKey);
        if (mime is null) return "";
        // nbformat stores JSON MIME types (application/*+json) as JSON, the rest as (lists of) strings.
        var node = data[mime];
        var value = node is JsonObject || (node is JsonArray && mime.EndsWith("json", StringComparison.Ordinal))
            ? node.ToJsonString() : MultilineText.Read(node);
        return mime switch
        {
            PlotlyMime => $"<div class=\"output plotly\"><script type=\"application/json\" class=\"plotly-figure\">{value.Replace("</", "<\\/")}</script></div>",
            "text/html" => $"<div class=\"output html\">{LocalPlotly(value)}</div>",
            "image/svg+xml" => $"<div class=\"output image\">{value}</div>",
            "image/png" or "image/jpeg" => $"<div class=\"output image\"><img src=\"data:{mime};base64,{Base64(value)}\" alt=\"output image\"></div>",
            "text/markdown" => $"<div class=\"output markdown\">{MathMarkdown.ToHtml(value)}</div>",
            "text/latex" => $"<div class=\"output latex\"><div class=\"math\">{Encode(value.Trim().Trim('$'))}</div></div>",
            _ => $"<div class=\"output text\"><pre>{Encode(Ansi.Strip(value))}</pre></div>",
        };
    }

    [GeneratedRegex(@"<script[^>]*\bsrc\s*=\s*[""']https?://[^""']*plotly[^""']*[""'][^>]*>\s*</script>", RegexOptions.IgnoreCase)]
    private static partial Regex PlotlyScriptTag();

    [GeneratedRegex(@"https?://cdn\.plot\.ly/plotly[-\w.]*?(?:\.min)?(?:\.js)?(?=[""'])", RegexOptions.IgnoreCase)]
    private static partial Regex PlotlyCdnUrl();

    /// <summary>HTML outputs that load plotly.js from a CDN (Plotly.NET's notebook formatter) use the bundled copy the page already has.</summary>
    internal string LocalPlotly(string html)
    {
        // A second plotly.js would replace the page's instrumented one, so script tags go; require paths point at the local file.
        html = PlotlyScriptTag().Replace(html, "");
        return PlotlyCdnUrl().Replace(html, assetBase + WebAssets.PlotlyJs);
    }

    private static string HighlightLanguage(string kernel) => kernel.ToLowerInvariant() switch
    {
        "csharp" or "c#" => "csharp",
        "fsharp" or "f#" => "fsharp",
        "pwsh" or "powershell" => "powershell",
        "javascript" or "js" => "javascript",
        "html" => "xml",
        "sql" => "sql",
        "markdown" or "md" => "markdown",
        "mermaid" or "value" => "plaintext",
        var other => other,
    };

    // nbformat base64 may be wrapped over several lines.
    private static string Base64(string value) => string.Concat(value.Where(c => !char.IsWhiteSpace(c)));

    internal static string Encode(string text) => WebUtility.HtmlEncode(text);
}
