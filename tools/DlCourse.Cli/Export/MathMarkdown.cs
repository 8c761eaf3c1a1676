using System.Text.RegularExpressions;
using Markdig;
using Markdig.Extensions.Mathematics;
using Markdig.Renderers;
using Markdig.Renderers.Html;

namespace DlCourse.Cli.Export;

/// <summary>Markdown to HTML with Markdig; math is kept as <c>\(..\)</c> / <c>\[..\]</c> spans for KaTeX, with <c>$$..$$</c> always display math.</summary>
public static partial class MathMarkdown
{
    // No media-link or other extensions that would embed remote content.
    private static readonly MarkdownPipeline Pipeline = new MarkdownPipelineBuilder()
        .UseMathematics().UsePipeTables().UseGridTables().UseEmphasisExtras().UseTaskLists()
        .UseFootnotes().UseAutoIdentifiers().UseListExtras().UseAutoLinks()
        .Build();

    public static string ToHtml(string markdown)
    {
        var writer = new StringWriter();
        var renderer = new HtmlRenderer(writer);
        Pipeline.Setup(renderer);
        renderer.ObjectRenderers.Replace<HtmlMathInlineRenderer>(new DisplayAwareMathInlineRenderer());
        renderer.Render(Markdig.Markdown.Parse(FenceMultilineDisplayMath(markdown), Pipeline));
        writer.Flush();
        return writer.ToString();
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
