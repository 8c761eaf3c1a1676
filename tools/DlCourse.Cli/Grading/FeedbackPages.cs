using DlCourse.Cli.Export;
using DlCourse.Cli.Notebooks;

namespace DlCourse.Cli.Grading;

/// <summary>The student's executed notebooks as HTML pages in <c>feedback/</c>, with every hidden test cell removed.</summary>
/// <param name="Links">Each rendered question's page, relative to the student's folder, keyed by the notebook's relative path.</param>
/// <param name="Note">Why the pages were not rendered, or null.</param>
internal sealed record FeedbackPages(IReadOnlyDictionary<string, string> Links, string? Note)
{
    public const string Folder = "feedback";

    /// <summary>The pages an earlier run rendered, without rendering again: for rewriting feedback.html after a manual score.</summary>
    public static FeedbackPages Existing(string studentOut, IEnumerable<string> notebooks)
    {
        var executed = notebooks.Where(n => File.Exists(Path.Combine(studentOut, n))).ToList();
        var links = executed.Select(n => (Notebook: n, Page: $"{Folder}/{Path.ChangeExtension(n, ".html").Replace('\\', '/')}"))
            .Where(p => File.Exists(Path.Combine(studentOut, p.Page))).ToDictionary(p => p.Notebook, p => p.Page);
        return new FeedbackPages(links, executed.Count > 0 && links.Count == 0 ? "notebook pages not rendered (see the grading run's output)" : null);
    }

    /// <summary>Exports the executed notebooks under <paramref name="studentOut"/>; an export failure becomes <see cref="Note"/>, never an exception.</summary>
    public static async Task<FeedbackPages> WriteAsync(string studentOut, IEnumerable<string> notebooks)
    {
        var executed = notebooks.Where(n => File.Exists(Path.Combine(studentOut, n))).ToList();
        if (executed.Count == 0) return new FeedbackPages(new Dictionary<string, string>(), null);
        // The copies keep the notebooks' relative layout, so each page lands at feedback/<relative>.html.
        var work = Directory.CreateTempSubdirectory("dlcourse-feedback-");
        try
        {
            foreach (var relative in executed)
            {
                var copy = Notebook.Load(Path.Combine(studentOut, relative)).Clone();
                copy.RemoveCells(c => GradingCell.Of(c).IsHidden);
                Releaser.StripRubrics(copy);
                copy.Save(Path.Combine(work.FullName, relative));
            }
            var written = await NotebookExporter.ExportAsync([work.FullName],
                new ExportOptions { Format = ExportFormat.Html, OutDir = Path.Combine(studentOut, Folder) });
            var links = written.Where(f => f.Succeeded).ToDictionary(
                f => Path.GetRelativePath(work.FullName, f.Notebooks[0]).Replace('\\', '/'),
                f => Path.GetRelativePath(studentOut, f.Path).Replace('\\', '/'));
            return new FeedbackPages(links, null);
        }
        catch (Exception e) when (e is ExportException or NotebookFormatException or IOException or UnauthorizedAccessException)
        {
            return new FeedbackPages(new Dictionary<string, string>(), $"notebook pages not rendered: {e.Message}");
        }
        finally { work.Delete(recursive: true); }
    }
}
