using System.Globalization;
using System.Text.Json.Nodes;
using DlCourse.Cli.Notebooks;

namespace DlCourse.Cli.Export;

/// <summary>One file the exporter wrote, with what printing it requested (PDF only), or why it could not be written.</summary>
public sealed record ExportedFile(string Path, IReadOnlyList<string> Notebooks, PrintResult? Print, string? Error = null)
{
    public bool Succeeded => Error is null;
}

/// <summary>Exports notebooks to HTML or PDF: one file each, or one report per assignment folder; a PDF batch shares one browser.</summary>
public static class NotebookExporter
{
    private sealed record Document(string RelativePath, IReadOnlyList<(NotebookPath Path, Notebook Notebook)> Notebooks);

    /// <summary>Reads every notebook first (so a bad one fails before any browser starts), then writes the exports;
    /// a document that fails to print is reported in its <see cref="ExportedFile.Error"/> and the batch goes on.</summary>
    /// <param name="paths">Notebooks, or folders searched for them (as <c>dlcourse run</c> does).</param>
    /// <param name="browser">A started browser to reuse; when null and PDFs are asked for, one is started and closed here.</param>
    public static async Task<IReadOnlyList<ExportedFile>> ExportAsync(IReadOnlyList<string> paths, ExportOptions options,
        PdfBrowser? browser = null, Action<ExportedFile>? onExported = null)
    {
        var notebooks = NotebookPaths.Expand(paths).Select(p => (Path: p, Notebook: Notebook.Load(p.Source))).ToList();
        var assets = WebAssets.Find();
        var extension = options.Format == ExportFormat.Pdf ? ".pdf" : ".html";
        // One file per notebook mirrors the input layout (as `dlcourse run --out` does); a report covers one assignment folder.
        var folders = notebooks.GroupBy(n => Path.GetDirectoryName(n.Path.Source)!).ToList();
        var documents = options.Report
            ? folders.Select(g => new Document(ReportName(g.Key, folders.Count == 1 ? options.Title : null) + extension, g.ToList())).ToList()
            : notebooks.Select(n => new Document(Path.ChangeExtension(n.Path.Relative, extension), [n])).ToList();

        var exported = new List<ExportedFile>();
        if (options.Format == ExportFormat.Html)
        {
            var assetFolder = Path.Combine(options.OutDir, "assets");
            assets.CopyTo(assetFolder);
            foreach (var document in documents)
            {
                var path = Path.Combine(options.OutDir, document.RelativePath);
                var assetBase = Path.GetRelativePath(Path.GetDirectoryName(Path.GetFullPath(path))!, Path.GetFullPath(assetFolder)).Replace('\\', '/') + "/";
                AtomicFile.WriteAllText(path, Page(document, options, assetBase, ExportFormat.Html));
                Done(new ExportedFile(path, document.Notebooks.Select(n => n.Path.Source).ToList(), null));
            }
            return exported;
        }

        var ownBrowser = browser is null;
        browser ??= await PdfBrowser.StartAsync();
        var work = Directory.CreateTempSubdirectory("dlcourse-export-");
        try
        {
            for (var i = 0; i < documents.Count; i++)
            {
                var html = Path.Combine(work.FullName, $"{i}.html");
                File.WriteAllText(html, Page(documents[i], options, assets.RootUrl.AbsoluteUri, ExportFormat.Pdf));
                var path = Path.Combine(options.OutDir, documents[i].RelativePath);
                var sources = documents[i].Notebooks.Select(n => n.Path.Source).ToList();
                // One page that never finishes rendering should not cost the rest of the batch.
                try { Done(new ExportedFile(path, sources, await browser.PrintAsync(html, path))); }
                catch (ExportException e) { Done(new ExportedFile(path, sources, null, e.Message)); }
            }
        }
        finally
        {
            work.Delete(recursive: true);
            if (ownBrowser) await browser.DisposeAsync();
        }
        return exported;

        void Done(ExportedFile file)
        {
            exported.Add(file);
            onExported?.Invoke(file);
        }
    }

    private static string Page(Document document, ExportOptions options, string assetBase, ExportFormat mode)
    {
        var items = document.Notebooks.Select(n => (n.Notebook, DisplayPath(n.Path))).ToList();
        return ReportPage.Build(items, options, assetBase, mode, options.Report ? MakeTitlePage(document, options) : null);
    }

    private static TitlePage MakeTitlePage(Document document, ExportOptions options)
    {
        // The student's own details travel in notebook metadata: dlcourse.student = {name, id}; options win.
        var student = document.Notebooks.Select(n => n.Notebook.Metadata["dlcourse"]?["student"] as JsonObject).FirstOrDefault(s => s is not null);
        string? Field(string key) => student?[key] is JsonValue v ? v.ToString() : null;
        return new TitlePage(options.Course, options.Title ?? AssignmentTitle(document.Notebooks[0].Path.Source),
            options.StudentName ?? Field("name"), options.StudentId ?? Field("id"), DateOnly.FromDateTime(DateTime.Now));
    }

    /// <summary>"a1-loss-functions" becomes "A1 — Loss functions": the title of the folder an assignment's notebooks live in.</summary>
    public static string AssignmentTitle(string notebookPath)
    {
        var folder = Path.GetFileName(Path.GetDirectoryName(Path.GetFullPath(notebookPath))) ?? "Assignment";
        var parts = folder.Split('-', 2);
        if (parts.Length == 2 && parts[0].Length <= 3 && parts[0].Any(char.IsDigit) && parts[1].Length > 0)
            return $"{parts[0].ToUpperInvariant()} — {CultureInfo.InvariantCulture.TextInfo.ToUpper(parts[1][0])}{parts[1][1..].Replace('-', ' ')}";
        return folder;
    }

    // Named after the title when there is one report, else after each assignment folder so that reports don't collide.
    private static string ReportName(string folder, string? title)
    {
        var name = title ?? Path.GetFileName(folder);
        var slug = new string(name.ToLowerInvariant().Select(c => char.IsAsciiLetterOrDigit(c) ? c : '-').ToArray()).Trim('-');
        while (slug.Contains("--")) slug = slug.Replace("--", "-");
        return slug.Length > 0 ? slug : "report";
    }

    // Shown above each question: the path as given relative to the current folder when it is inside it.
    private static string DisplayPath(NotebookPath path)
    {
        var relative = Path.GetRelativePath(Directory.GetCurrentDirectory(), path.Source);
        return relative.StartsWith("..", StringComparison.Ordinal) ? path.Relative : relative;
    }
}
