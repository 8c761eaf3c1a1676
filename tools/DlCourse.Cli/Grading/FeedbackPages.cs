using DlCourse.Cli.Export;
using DlCourse.Cli.Notebooks;

namespace DlCourse.Cli.Grading;

/// <summary>The student's executed notebooks as HTML pages in <c>feedback/</c>, with every hidden test cell removed.</summary>
/// <param name="Links">Each rendered question's page, relative to the student's folder, keyed by the notebook's relative path.</param>
/// <param name="Note">Why the pages were not rendered, or null.</param>
internal sealed record FeedbackPages(IReadOnlyDictionary<string, string> Links, string? Note)
{
    public const string Folder = "feedback";

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
