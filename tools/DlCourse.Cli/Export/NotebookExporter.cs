using System.Globalization;
using System.Text.Json.Nodes;

namespace DlCourse.Cli.Export;

/// <summary>One file the exporter wrote, with what printing it requested (PDF only).</summary>
public sealed record ExportedFile(string Path, IReadOnlyList<string> Notebooks, PrintResult? Print);

/// <summary>Exports notebooks to HTML or PDF: one file each, or one assignment report; a PDF batch shares one browser.</summary>
public static class NotebookExporter
{
    /// <summary>Notebook files named by <paramref name="paths"/>: files as given, folders as their *.ipynb in name order.</summary>
    public static IReadOnlyList<string> ExpandPaths(IEnumerable<string> paths)
    {
        var files = new List<string>();
        foreach (var path in paths)
        {
            if (Directory.Exists(path))
            {
                var found = Directory.EnumerateFiles(path, "*.ipynb").Order(StringComparer.Ordinal).ToList();
                if (found.Count == 0) throw new ExportException($"no notebooks (*.ipynb) in folder {path}");
                files.AddRange(found);
            }
            else if (File.Exists(path)) files.Add(path);
            else throw new ExportException($"notebook not found: {path}");
        }
        return files;
    }

    /// <summary>Reads every notebook first (so a bad one fails before any browser starts), then writes the exports.</summary>
    /// <param name="browser">A started browser to reuse; when null and PDFs are asked for, one is started and closed here.</param>
    public static async Task<IReadOnlyList<ExportedFile>> ExportAsync(IReadOnlyList<string> paths, ExportOptions options,
        PdfBrowser? browser = null, Action<ExportedFile>? onExported = null)
    {
        var notebooks = ExpandPaths(paths).Select(ExportNotebook.Load).ToList();
        var assets = WebAssets.Find();
        var documents = options.Report
            ? [(ReportName(notebooks, options), notebooks)]
            : notebooks.Select(n => (Name: UniqueName(n, notebooks), Notebooks: new List<ExportNotebook> { n })).ToList();

        Directory.CreateDirectory(options.OutDir);
        var exported = new List<ExportedFile>();
        if (options.Format == ExportFormat.Html)
        {
            assets.CopyTo(Path.Combine(options.OutDir, "assets"));
            foreach (var (name, group) in documents)
            {
                var path = Path.Combine(options.OutDir, name + ".html");
                AtomicFile.Write(path, Page(group, options, "assets/", ExportFormat.Html));
                Report(new ExportedFile(path, group.Select(n => n.Path).ToList(), null));
            }
            return exported;
        }

        var ownBrowser = browser is null;
        browser ??= await PdfBrowser.StartAsync();
        var work = Directory.CreateTempSubdirectory("dlcourse-export-");
        try
        {
            foreach (var (name, group) in documents)
            {
                var html = Path.Combine(work.FullName, name + ".html");
                File.WriteAllText(html, Page(group, options, assets.RootUrl.AbsoluteUri, ExportFormat.Pdf));
                var path = Path.Combine(options.OutDir, name + ".pdf");
                var print = await browser.PrintAsync(html, path);
                Report(new ExportedFile(path, group.Select(n => n.Path).ToList(), print));
            }
        }
        finally
        {
            work.Delete(recursive: true);
            if (ownBrowser) await browser.DisposeAsync();
        }
        return exported;

        void Report(ExportedFile file)
        {
            exported.Add(file);
            onExported?.Invoke(file);
        }
    }

    private static string Page(List<ExportNotebook> group, ExportOptions options, string assetBase, ExportFormat mode)
    {
        var items = group.Select(n => (n, DisplayPath(n.Path))).ToList();
        return ReportPage.Build(items, options, assetBase, mode, options.Report ? MakeTitlePage(group, options) : null);
    }

    private static TitlePage MakeTitlePage(List<ExportNotebook> group, ExportOptions options)
    {
        // The student's own details travel in notebook metadata: dlcourse.student = {name, id}; options win.
        var student = group.Select(n => n.Metadata["dlcourse"]?["student"] as JsonObject).FirstOrDefault(s => s is not null);
        string? Field(string key) => student?[key] is JsonValue v ? v.ToString() : null;
        return new TitlePage(options.Course, options.Title ?? AssignmentTitle(group[0].Path),
            options.StudentName ?? Field("name"), options.StudentId ?? Field("id"), DateOnly.FromDateTime(DateTime.Now));
    }

    /// <summary>"a1-loss-functions" becomes "A1 — Loss functions": the title of the folder an assignment's notebooks live in.</summary>
    public static string AssignmentTitle(string notebookPath)
    {
        var folder = Path.GetFileName(Path.GetDirectoryName(Path.GetFullPath(notebookPath))) ?? "Assignment";
        var parts = folder.Split('-', 2);
        if (parts.Length == 2 && parts[0].Length <= 3 && parts[0].Any(char.IsDigit))
            return $"{parts[0].ToUpperInvariant()} — {CultureInfo.InvariantCulture.TextInfo.ToUpper(parts[1][0])}{parts[1][1..].Replace('-', ' ')}";
        return folder;
    }

    private static string ReportName(List<ExportNotebook> notebooks, ExportOptions options)
    {
        var name = options.Title ?? Path.GetFileName(Path.GetDirectoryName(Path.GetFullPath(notebooks[0].Path)));
        var slug = new string((name ?? "").ToLowerInvariant().Select(c => char.IsAsciiLetterOrDigit(c) ? c : '-').ToArray()).Trim('-');
        while (slug.Contains("--")) slug = slug.Replace("--", "-");
        return slug.Length > 0 ? slug : "report";
    }

    // Notebooks from different folders may share a file name (q1-...): prefix the folder then.
    private static string UniqueName(ExportNotebook notebook, List<ExportNotebook> all) =>
        all.Count(n => n.Name == notebook.Name) > 1
            ? $"{Path.GetFileName(Path.GetDirectoryName(Path.GetFullPath(notebook.Path)))}-{notebook.Name}"
            : notebook.Name;

    private static string DisplayPath(string path)
    {
        var relative = Path.GetRelativePath(Directory.GetCurrentDirectory(), path);
        return relative.StartsWith("..", StringComparison.Ordinal) ? Path.GetFileName(path) : relative;
    }
}
