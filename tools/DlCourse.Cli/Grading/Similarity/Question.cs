using DlCourse.Cli.Notebooks;

namespace DlCourse.Cli.Grading.Similarity;

/// <summary>Code (C# solution cells) or written (Markdown answers graded by hand).</summary>
public enum QuestionKind { Code, Written }

/// <summary>What is compared for one question: its solution cells (by grade_id), their released stubs, and the released text, which is subtracted from every answer.</summary>
/// <param name="Id">The grade_ids' shared prefix for code (<c>a1q5</c>), the grade_id itself for a written answer.</param>
/// <param name="Given">The released notebook's cells of the question's kind: stubs, signatures, tests, prompts.</param>
/// <param name="GivenNames">Names the released code declares, normalised in answers as in the released text.</param>
internal sealed record Question(string Id, QuestionKind Kind, string Notebook, IReadOnlyList<string> Cells,
    IReadOnlyDictionary<string, string> Stubs, IReadOnlyList<string> Given, IReadOnlySet<string> GivenNames)
{
    /// <summary>The code question of a source notebook (all its code solution cells), then each written answer; none when it has no solution cells.</summary>
    public static IReadOnlyList<Question> Of(Notebook source, string relative)
    {
        // The grader's own release: what the student was given, and each solution cell's stub.
        var released = Releaser.Release(source, relative);
        var stubs = released.Cells.Where(c => GradingCell.Of(c).IsSolution)
            .ToDictionary(c => GradingCell.Of(c).GradeId!, c => Text(c.Source), StringComparer.Ordinal);
        var code = released.Cells.Where(c => c.Kind == CellKind.Code).Select(c => Text(c.Source)).ToList();
        var markdown = released.Cells.Where(c => c.Kind != CellKind.Code).Select(c => Text(c.Source)).ToList();

        var questions = new List<Question>();
        var codeCells = source.Cells.Where(c => c.Kind == CellKind.Code && GradingCell.Of(c).IsSolution).Select(c => GradingCell.Of(c).GradeId!).ToList();
        if (codeCells.Count > 0)
            questions.Add(new Question(CodeId(codeCells, relative), QuestionKind.Code, relative, codeCells, stubs, code, CodeTokens.Declared(code)));
        foreach (var cell in source.Cells.Where(c => GradingCell.Of(c).IsWrittenAnswer))
        {
            var id = GradingCell.Of(cell).GradeId!;
            questions.Add(new Question(id, QuestionKind.Written, relative, [id], stubs, markdown, new HashSet<string>()));
        }
        return questions;
    }

    /// <summary>The text as compared and shown: line endings made <c>\n</c>, trailing white space dropped.</summary>
    public static string Text(string source) => source.ReplaceLineEndings("\n").TrimEnd();

    /// <summary>Whether a student's cell holds an answer: not empty, and not the stub they were given.</summary>
    public bool IsAnswer(string gradeId, string text) =>
        !string.IsNullOrWhiteSpace(text) && !(Stubs.TryGetValue(gradeId, out var stub) && Text(stub).Trim() == text.Trim());

    /// <summary>The answer's tokens, by the tokenizer of the question's kind.</summary>
    public TokenStream Tokenize(IReadOnlyList<string> cells) => Kind == QuestionKind.Code ? CodeTokens.Of(cells, GivenNames) : WordTokens.Of(cells);

    // "a1q5" for cells a1q5-impl and a1q5-helper; the notebook's name when the grade_ids share no prefix.
    private static string CodeId(List<string> cells, string relative)
    {
        var prefixes = cells.Select(c => c.Split('-')[0]).Distinct().ToList();
        return prefixes.Count == 1 && cells.All(c => c.Contains('-')) ? prefixes[0] : Path.ChangeExtension(relative, null).Replace('\\', '/');
    }
}
