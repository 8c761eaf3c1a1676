using System.Security.Cryptography;
using System.Text;
using DlCourse.Cli.Grading.Results;
using DlCourse.Cli.Notebooks;

namespace DlCourse.Cli.Grading;

/// <summary>A written-answer question as the reviewer sees it: the prompt before it, the model answer and the rubric.</summary>
public sealed record WrittenQuestion(string Notebook, string GradeId, double MaxScore, string Prompt, string ModelAnswer, string Rubric);

/// <summary>One written answer of one student, for an answer sheet: the question it answers and the student's Markdown (empty when missing).</summary>
internal sealed record WrittenAnswer(string Notebook, string Question, string GradeId, double Points, string Text);

/// <summary>Finds written-answer cells (graded Markdown solution cells) in source, graded and submitted notebooks.</summary>
internal static class WrittenAnswers
{
    /// <summary>
    /// For each student folder under <paramref name="submissions"/> (or the folder itself when it holds notebooks), their
    /// written answers in assignment order (source notebooks by path, cells in order), for <c>dlcourse export --answers</c>.
    /// </summary>
    public static IReadOnlyList<(string Student, IReadOnlyList<WrittenAnswer> Answers)> Collect(string source, string submissions)
    {
        if (!Directory.Exists(submissions)) throw new DirectoryNotFoundException($"{submissions}: no such submissions folder.");
        var notebooks = NotebookPaths.Expand([source]).OrderBy(s => s.Relative, StringComparer.Ordinal)
            .Select(s => (s.Relative, Notebook: Notebook.Load(s.Source))).ToList();
        var questions = notebooks.SelectMany(n => Questions(n.Notebook, n.Relative).Select(q => (Question: q, Title: Title(n.Notebook, n.Relative)))).ToList();
        if (questions.Count == 0) throw new NotebookFormatException($"{source}: no written answers (Markdown solution cells with points) in the source notebooks.");

        var single = Directory.EnumerateFiles(submissions, "*.ipynb", SearchOption.TopDirectoryOnly).Any()
                     || notebooks.Any(n => File.Exists(Path.Combine(submissions, n.Relative)));
        var students = single ? [submissions]
            : Directory.EnumerateDirectories(submissions).Where(d => !Path.GetFileName(d).StartsWith('.')).Order(StringComparer.Ordinal).ToList();
        return students.Select(folder => (Path.GetFileName(Path.TrimEndingDirectorySeparator(folder)),
            (IReadOnlyList<WrittenAnswer>)questions.Select(q => new WrittenAnswer(q.Question.Notebook, q.Title, q.Question.GradeId, q.Question.MaxScore,
                SubmittedText(folder, q.Question.Notebook, q.Question.GradeId))).ToList())).ToList();
    }

    /// <summary>The written-answer questions of one source notebook, in cell order.</summary>
    public static IReadOnlyList<WrittenQuestion> Questions(Notebook source, string relative)
    {
        var questions = new List<WrittenQuestion>();
        string prompt = "";
        foreach (var cell in source.Cells)
        {
            var role = GradingCell.Of(cell);
            if (role.IsWrittenAnswer)
                questions.Add(new WrittenQuestion(relative, role.GradeId!, role.Points, prompt, cell.Source, GradingCell.Rubric(cell) ?? ""));
            // The prompt is the last plain Markdown cell before the answer: the question as the student read it.
            else if (cell.Kind == CellKind.Markdown && !role.IsSolution) prompt = cell.Source;
        }
        return questions;
    }

    /// <summary>The student's written answers in an assembled notebook (their text, or the stub when the cell was missing); not yet scored.</summary>
    public static IReadOnlyList<WrittenResult> Of(AssembledNotebook assembled, string relative) =>
        assembled.Notebook.Cells.Where(c => assembled.Roles[c.Index] is { IsWrittenAnswer: true, GradeId: not null })
            .Select(c => Unscored(relative, assembled.Roles[c.Index], c.Source)).ToList();

    /// <summary>Written answers for a notebook the student did not hand in (or that could not be read): empty answers.</summary>
    public static IReadOnlyList<WrittenResult> Missing(Notebook source, string relative) =>
        source.Cells.Select(GradingCell.Of).Where(r => r is { IsWrittenAnswer: true, GradeId: not null })
            .Select(r => Unscored(relative, r, "")).ToList();

    /// <summary>A short hash of an answer's text, ignoring line-ending style and surrounding whitespace (an editor's reformatting is no new answer).</summary>
    public static string Hash(string answer)
    {
        var text = answer.ReplaceLineEndings("\n").Trim();
        return Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(text)))[..16].ToLowerInvariant();
    }

    private static WrittenResult Unscored(string relative, GradingCell role, string text) =>
        new(relative, role.GradeId!, role.Points, text, Hash(text));

    // The student's cell with this grade_id; a missing notebook or cell, an unreadable file or the stub is no answer.
    private static string SubmittedText(string folder, string relative, string gradeId)
    {
        var path = SubmissionFiles.Find(folder, relative);
        if (path is null || SubmissionFiles.Problem(folder, path) is not null) return "";
        try
        {
            var text = Notebook.Load(path).Cells.FirstOrDefault(c => GradingCell.Of(c).GradeId == gradeId)?.Source.Trim() ?? "";
            return text == SolutionRegions.AnswerStub ? "" : text;
        }
        catch (NotebookFormatException) { return ""; }
    }

    private static string Title(Notebook notebook, string relative) =>
        notebook.Cells.Where(c => c.Kind == CellKind.Markdown).SelectMany(c => c.Source.Split('\n'))
            .FirstOrDefault(l => l.StartsWith("# ", StringComparison.Ordinal))?[2..].Trim() ?? Path.GetFileNameWithoutExtension(relative);
}
