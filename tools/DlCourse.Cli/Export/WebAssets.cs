namespace DlCourse.Cli.Export;

/// <summary>The npm packages (KaTeX, Plotly, highlight.js) that environment/assets.sh installs, found on disk so nothing comes from a CDN.</summary>
public sealed class WebAssets
{
    /// <summary>Files a report loads, relative to the node_modules folder (the same layout is copied next to HTML exports).</summary>
    public const string KatexJs = "katex/dist/katex.min.js", KatexCss = "katex/dist/katex.min.css",
        PlotlyJs = "plotly.js-dist-min/plotly.min.js",
        HighlightJs = "@highlightjs/cdn-assets/highlight.min.js", HighlightCss = "@highlightjs/cdn-assets/styles/github.min.css";

    /// <summary>Extra highlight.js grammars for the other Polyglot kernels (C# is in the main bundle).</summary>
    public static readonly string[] HighlightLanguages =
        ["@highlightjs/cdn-assets/languages/fsharp.min.js", "@highlightjs/cdn-assets/languages/powershell.min.js"];

    private const string KatexFonts = "katex/dist/fonts";

    /// <summary>The node_modules folder holding the packages.</summary>
    public string Root { get; }

    private WebAssets(string root) => Root = root;

    /// <summary>Every script a report page loads, in order.</summary>
    public static IEnumerable<string> Scripts => [KatexJs, PlotlyJs, HighlightJs, .. HighlightLanguages];

    /// <summary>Finds the assets: <paramref name="root"/>, else <c>DLCOURSE_WEB_ASSETS</c>, else <c>environment/web/node_modules</c> above the current folder or the tool.</summary>
    public static WebAssets Find(string? root = null)
    {
        var fromEnv = root ?? Environment.GetEnvironmentVariable("DLCOURSE_WEB_ASSETS");
        var candidates = !string.IsNullOrEmpty(fromEnv)
            ? [fromEnv]
            : Ancestors(Directory.GetCurrentDirectory()).Concat(Ancestors(AppContext.BaseDirectory))
                .Select(d => Path.Combine(d, "environment", "web", "node_modules"));
        foreach (var dir in candidates)
            if (Scripts.Append(KatexCss).Append(HighlightCss).All(f => File.Exists(Path.Combine(dir, f))))
                return new WebAssets(Path.GetFullPath(dir));
        throw new ExportException(
            "export assets (KaTeX, Plotly, highlight.js) are not installed: run environment/assets.sh " +
            "(it npm-installs them into environment/web/node_modules), or set DLCOURSE_WEB_ASSETS to such a node_modules folder");
    }

    /// <summary>A file:// URL to the assets, for pages rendered in place.</summary>
    public Uri RootUrl => new(Root.EndsWith('/') ? Root : Root + "/");

    /// <summary>Copies the files a report needs into <paramref name="targetDir"/>, keeping their relative paths, so HTML exports work offline.</summary>
    public void CopyTo(string targetDir)
    {
        var files = Scripts.Append(KatexCss).Append(HighlightCss)
            .Concat(Directory.EnumerateFiles(Path.Combine(Root, KatexFonts)).Select(f => Path.GetRelativePath(Root, f)));
        foreach (var relative in files)
        {
            var source = Path.Combine(Root, relative);
            var target = Path.Combine(targetDir, relative);
            if (File.Exists(target) && new FileInfo(target).Length == new FileInfo(source).Length) continue;
            Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            File.Copy(source, target, overwrite: true);
        }
    }

    private static IEnumerable<string> Ancestors(string dir)
    {
        for (var d = new DirectoryInfo(dir); d is not null; d = d.Parent) yield return d.FullName;
    }
}
