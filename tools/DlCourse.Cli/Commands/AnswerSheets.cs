using System.Text.Json.Nodes;
using DlCourse.Cli.Export;
using DlCourse.Cli.Grading;
using DlCourse.Cli.Notebooks;

namespace DlCourse.Cli.Commands;

/// <summary>
/// <c>dlcourse export --answers</c>: per student, one PDF with each written answer on its own page in assignment order,
/// for Gradescope's manually graded questions (as otter exports them).
/// </summary>
internal static class AnswerSheets
{
    public static async Task<int> ExportAsync(string source, IReadOnlyList<string> submissions, ExportOptions options, TextWriter stdout, TextWriter stderr)
    {
        IReadOnlyList<(string Student, IReadOnlyList<WrittenAnswer> Answers)> students;
        try { students = submissions.SelectMany(s => WrittenAnswers.Collect(source, s)).ToList(); }
        catch (Exception e) when (e is DirectoryNotFoundException or FileNotFoundException or NotebookFormatException)
        {
            return Exit.Refuse("export", e.Message, stderr);
        }
        if (students.Count == 0) return Exit.Refuse("export", "no student folders in the submissions.", stderr);

        // Each answer becomes a one-cell notebook, so the report lays them out one per page with the course's styles and math.
        var work = Directory.CreateTempSubdirectory("dlcourse-answers-");
        int failed = 0;
        try
        {
            await using var browser = await PdfBrowser.StartAsync();
            foreach (var (student, answers) in students)
            {
                var folder = Path.Combine(work.FullName, student);
                Directory.CreateDirectory(folder);
                for (var i = 0; i < answers.Count; i++)
                    Sheet(answers[i]).Save(Path.Combine(folder, $"{i + 1:00} {answers[i].GradeId}.ipynb"));
                var files = await NotebookExporter.ExportAsync([folder], options with
                {
                    Report = true, Title = $"Written answers — {student}", StudentName = options.StudentName ?? student, IncludeCode = false,
                }, browser);
                foreach (var file in files)
                {
                    if (file.Error is null) stdout.WriteLine($"wrote {file.Path} ({answers.Count} answers)");
                    else { stderr.WriteLine($"dlcourse export: {student}: {file.Error}"); failed++; }
                }
            }
        }
        finally { work.Delete(recursive: true); }
        return failed == 0 ? 0 : 1;
    }

    private static Notebook Sheet(WrittenAnswer answer)
    {
        var text = $"# {answer.Question} · {answer.GradeId} ({answer.Points:0.##} points)\n\n"
                   + (answer.Text.Length > 0 ? answer.Text : "*(no answer)*");
        var json = new JsonObject
        {
            ["nbformat"] = 4, ["nbformat_minor"] = 5, ["metadata"] = new JsonObject(),
            ["cells"] = new JsonArray(new JsonObject { ["cell_type"] = "markdown", ["id"] = "answer", ["metadata"] = new JsonObject(), ["source"] = text }),
        };
        return Notebook.Parse(json.ToJsonString(), answer.GradeId + ".ipynb");
    }
}
