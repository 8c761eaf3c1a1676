using System.Text.RegularExpressions;
using Markdig;
using Markdig.Extensions.Mathematics;
using Markdig.Renderers;
using Markdig.Renderers.Html;
using Markdig.Syntax;
using Markdig.Syntax.Inlines;

namespace DlCourse.Cli.Export;

/// <summary>Markdown to HTML with Markdig; math is kept as <c>\(..\)</c> / <c>\[..\]</c> spans for KaTeX, with <c>$$..$$</c> always display math.</summary>
public static partial class MathMarkdown
{
    // No media-link or other extensions that would embed remote content.
    private static readonly MarkdownPipeline Pipeline = new MarkdownPipelineBuilder()
        .UseMathematics().UsePipeTables().UseGridTables().UseEmphasisExtras().UseTaskLists()
        .UseFootnotes().UseAutoIdentifiers().UseListExtras().UseAutoLinks()
        .Build();

    // For text nobody vetted (a student's answer): raw HTML is written as text, so it cannot add script or markup.
    private static readonly MarkdownPipeline Untrusted = new MarkdownPipelineBuilder()
        .UseMathematics().UsePipeTables().UseGridTables().UseEmphasisExtras().UseTaskLists()
        .UseListExtras().UseAutoLinks().DisableHtml()
        .Build();

    public static string ToHtml(string markdown) => Render(markdown, Pipeline, sanitize: false);

    /// <summary>Markdown from an untrusted author: raw HTML is escaped, and links or images that are not http(s), mailto or relative lose their URL.</summary>
    public static string ToSafeHtml(string markdown) => Render(markdown, Untrusted, sanitize: true);

    private static string Render(string markdown, MarkdownPipeline pipeline, bool sanitize)
    {
        var writer = new StringWriter();
        var renderer = new HtmlRenderer(writer);
        pipeline.Setup(renderer);
        renderer.ObjectRenderers.Replace<HtmlMathInlineRenderer>(new DisplayAwareMathInlineRenderer());
        var document = Markdig.Markdown.Parse(FenceMultilineDisplayMath(markdown), pipeline);
        if (sanitize)
        {
            // Markdig keeps any link scheme, so [x](javascript:…) or <javascript:…> would run script when clicked.
            foreach (var link in document.Descendants<LinkInline>().Where(l => !IsSafeUrl(l.Url))) link.Url = "#";
            foreach (var link in document.Descendants<AutolinkInline>().Where(l => !l.IsEmail && !IsSafeUrl(l.Url))) link.Url = "#";
        }
        renderer.Render(document);
        writer.Flush();
        return writer.ToString();
    }

    private static bool IsSafeUrl(string? url)
    {
        if (string.IsNullOrWhiteSpace(url)) return true;
        if (Uri.TryCreate(url.Trim(), UriKind.Absolute, out var uri) && uri.Scheme is "http" or "https" or "mailto") return true;
        // No scheme at all (browsers ignore tabs and newlines inside one, so any colon counts).
        return !url.Contains(':');
    }

    [GeneratedRegex(@"^([ \t]*)\$\$(?![ \t]*$)([^$`]*?\n[^$`]*?)\$\$[ \t]*$", RegexOptions.Multiline)]
    private static partial Regex MultilineDisplayMath();

    // Jupyter accepts "$$a\n b$$" across lines; Markdig only reads $$ fenced on lines of their own, so fence it (after a blank line).
    private static string FenceMultilineDisplayMath(string markdown) =>
        MultilineDisplayMath().Replace(markdown, m => $"\n{m.Groups[1].Value}$$\n{m.Groups[2].Value.Trim()}\n{m.Groups[1].Value}$$\n");

    /// <summary>Markdig writes <c>$$x$$</c> inside a paragraph as inline math; Jupyter shows it as display math, and so do we.</summary>
    private sealed class DisplayAwareMathInlineRenderer : HtmlObjectRenderer<MathInline>
    {
        protected override void Write(HtmlRenderer renderer, MathInline math)
        {
            var display = math.DelimiterCount >= 2;
            renderer.Write(display ? "<span class=\"math display\">\\[" : "<span class=\"math\">\\(");
            renderer.WriteEscape(ref math.Content);
            renderer.Write(display ? "\\]</span>" : "\\)</span>");
        }
    }
}
