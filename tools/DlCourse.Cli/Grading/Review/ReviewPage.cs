using System.Net;
using System.Reflection;
using DlCourse.Cli.Export;

namespace DlCourse.Cli.Grading.Review;

/// <summary>The review page's shell, script and stylesheet; the page loads its data from the server's JSON API.</summary>
internal static class ReviewPage
{
    public static readonly Lazy<string> Script = new(() => Resource("review.js"));
    public static readonly Lazy<string> Css = new(() => Resource("review.css"));

    /// <summary>The HTML shell; <paramref name="token"/> authorises the page's API calls, <paramref name="katex"/> says whether KaTeX is served.</summary>
    public static string Html(string token, bool katex)
    {
        var assets = katex
            ? $"<link rel=\"stylesheet\" href=\"/assets/{WebAssets.KatexCss}\">\n<script src=\"/assets/{WebAssets.KatexJs}\"></script>\n"
            : "";
        return $$"""
            <!DOCTYPE html>
            <html lang="en"><head><meta charset="utf-8">
            <meta name="review-token" content="{{WebUtility.HtmlEncode(token)}}">
            <title>dlcourse review</title>
            <link rel="icon" href="data:,">
            <link rel="stylesheet" href="/review.css">
            {{assets}}<script src="/review.js" defer></script>
            </head><body>
            <header>
              <div><strong id="question">loading…</strong> <span id="question-pos"></span></div>
              <div id="pending"></div>
              <div class="keys">j/k or ↓/↑ student · n/p question · Enter save and next · Esc leave a field</div>
            </header>
            <p id="warning" hidden></p>
            <div id="prompt" class="pane prompt"></div>
            <main>
              <section><h2>Answer of <span id="student"></span> <small id="student-pos"></small></h2><div id="answer" class="pane"></div></section>
              <section><h2>Model answer</h2><div id="model" class="pane"></div></section>
              <section><h2>Rubric</h2><div id="rubric" class="pane"></div></section>
            </main>
            <form id="score" autocomplete="off">
              <label>Points <input id="points" type="text" inputmode="decimal" size="6"> / <span id="max"></span></label>
              <label class="comment">Comment <textarea id="comment" rows="2"></textarea></label>
              <button id="save" type="submit">Save and next</button>
              <span id="state"></span> <span id="error" role="alert"></span>
            </form>
            <nav><h2>Students</h2><ol id="students"></ol><h2>Questions</h2><ol id="questions"></ol></nav>
            </body></html>

            """;
    }

    private static string Resource(string name)
    {
        using var stream = Assembly.GetExecutingAssembly().GetManifestResourceStream($"DlCourse.Cli.Review.{name}")
                           ?? throw new InvalidOperationException($"embedded resource {name} is missing from the build");
        return new StreamReader(stream).ReadToEnd();
    }
}
