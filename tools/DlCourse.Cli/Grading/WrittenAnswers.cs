using System.Security.Cryptography;
using System.Text;
using DlCourse.Cli.Notebooks;

namespace DlCourse.Cli.Grading;

/// <summary>A written-answer question as the reviewer sees it: the prompt before it, the model answer and the rubric.</summary>
public sealed record WrittenQuestion(string Notebook, string GradeId, double MaxScore, string Prompt, string ModelAnswer, string Rubric);

/// <summary>Finds written-answer cells (graded Markdown solution cells) in source and graded notebooks.</summary>
internal static class WrittenAnswers
{
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
}
