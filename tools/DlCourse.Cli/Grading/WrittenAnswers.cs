using DlCourse.Cli.Notebooks;

namespace DlCourse.Cli.Grading;

/// <summary>One written answer of one student: the source question it answers and the student's Markdown (empty when missing).</summary>
internal sealed record WrittenAnswer(string Notebook, string Question, string GradeId, double Points, string Text);

/// <summary>
/// The written answers of a course: Markdown solution cells that carry points (nbgrader's <c>solution</c> + <c>grade</c>),
/// in assignment order (source notebooks by path, cells in order), and each student's text for them.
/// </summary>
internal static class WrittenAnswers
{
    /// <summary>For each student folder under <paramref name="submissions"/> (or the folder itself when it holds notebooks), their answers.</summary>
    public static IReadOnlyList<(string Student, IReadOnlyList<WrittenAnswer> Answers)> Collect(string source, string submissions)
    {
        if (!Directory.Exists(submissions)) throw new DirectoryNotFoundException($"{submissions}: no such submissions folder.");
        var questions = Releaser.FindNotebooks([source]).OrderBy(s => s.Relative, StringComparer.Ordinal).Select(s => (s.Relative, Notebook: Notebook.Load(s.Path))).ToList();
        var cells = questions.SelectMany(q => q.Notebook.Cells
            .Where(c => c.Kind == CellKind.Markdown && GradingCell.Of(c) is { IsSolution: true, IsTest: true, GradeId: not null })
            .Select(c => (q.Relative, Question: Title(q.Notebook, q.Relative), Role: GradingCell.Of(c)))).ToList();
        if (cells.Count == 0) throw new NotebookFormatException($"{source}: no written answers (Markdown solution cells with points) in the source notebooks.");

        var single = Directory.EnumerateFiles(submissions, "*.ipynb", SearchOption.TopDirectoryOnly).Any()
                     || questions.Any(q => File.Exists(Path.Combine(submissions, q.Relative)));
        var students = single ? [submissions]
            : Directory.EnumerateDirectories(submissions).Where(d => !Path.GetFileName(d).StartsWith('.')).Order(StringComparer.Ordinal).ToList();
        return students.Select(folder => (Path.GetFileName(Path.TrimEndingDirectorySeparator(folder)),
            (IReadOnlyList<WrittenAnswer>)cells.Select(c => new WrittenAnswer(c.Relative, c.Question, c.Role.GradeId!, c.Role.Points,
                AnswerText(folder, c.Relative, c.Role.GradeId!))).ToList())).ToList();
    }

    // The student's cell with this grade_id; a missing notebook or cell, an unreadable file or the stub is no answer.
    private static string AnswerText(string folder, string relative, string gradeId)
    {
        var path = Path.Combine(folder, relative);
        if (!File.Exists(path))
            path = Directory.EnumerateFiles(folder, Path.GetFileName(relative), SearchOption.AllDirectories)
                .Where(p => !p.Contains(".ipynb_checkpoints", StringComparison.Ordinal)).Order(StringComparer.Ordinal).FirstOrDefault() ?? "";
        if (path.Length == 0) return "";
        try
        {
            var cell = Notebook.Load(path).Cells.FirstOrDefault(c => GradingCell.Of(c).GradeId == gradeId);
            var text = cell?.Source.Trim() ?? "";
            return text == SolutionRegions.AnswerStub ? "" : text;
        }
        catch (NotebookFormatException) { return ""; }
    }

    private static string Title(Notebook notebook, string relative) =>
        notebook.Cells.Where(c => c.Kind == CellKind.Markdown).SelectMany(c => c.Source.Split('\n'))
            .FirstOrDefault(l => l.StartsWith("# ", StringComparison.Ordinal))?[2..].Trim() ?? Path.GetFileNameWithoutExtension(relative);
}
