using DlCourse.Cli.Grading.Screening;
using DlCourse.Cli.Notebooks;

namespace DlCourse.Cli.Grading;

/// <summary>The notebook the grader runs for one student and one source notebook, with what the student should know about it.</summary>
internal sealed record AssembledNotebook(Notebook Notebook, IReadOnlyList<GradingCell> Roles, IReadOnlyList<string> Notes);

/// <summary>
/// Builds the graded notebook: the source's cells in the source's order, where only solution cells (matched by
/// grade_id) come from the student; tests, locked and plain cells and hidden tests always come from the source.
/// Hidden tests move to the end, so no student code runs after one (and none can show what a hidden test handed it).
/// Each student cell is screened by meaning (<see cref="CellScreen"/>) against the cells before it.
/// </summary>
internal static class SubmissionAssembler
{
    /// <summary>The reference run's notebook: the source with its own solutions, its hidden tests at the end, no outputs.</summary>
    public static AssembledNotebook Reference(Notebook source)
    {
        var graded = HiddenTestsLast(source);
        graded.ClearOutputs();
        return new AssembledNotebook(graded, graded.Cells.Select(GradingCell.Of).ToList(), []);
    }

    /// <param name="directory">The source notebook's folder, against which its <c>#r</c>, <c>#load</c> and <c>#!import</c> resolve.</param>
    public static AssembledNotebook Assemble(Notebook source, Notebook? student, string name, string? directory = null)
    {
        source = HiddenTestsLast(source);
        var notes = new List<string>();
        var studentCells = new Dictionary<string, NotebookCell>(StringComparer.Ordinal);
        if (student is not null)
        {
            CheckLanguage(student, name, notes);
            foreach (var cell in student.Cells)
                if (GradingCell.Of(cell) is { IsSolution: true, GradeId: { } id } && !studentCells.TryAdd(id, cell))
                    notes.Add($"{name}: the submission has cell {id} twice; the first one was graded.");
        }

        var roles = source.Cells.Select(GradingCell.Of).ToList();
        directory ??= Directory.GetCurrentDirectory();
        var screen = new CellScreen(directory, QuestionLibrary.Of(source));

        var stubs = Releaser.Release(source, name).Cells.Where(c => GradingCell.Of(c).IsSolution)
            .ToDictionary(c => GradingCell.Of(c).GradeId!, c => c.Source, StringComparer.Ordinal);

        var graded = source.Clone();
        graded.ClearOutputs();
        foreach (var cell in graded.Cells)
        {
            if (roles[cell.Index] is not { IsSolution: true, GradeId: { } id })
            {
                if (cell.Kind == CellKind.Code) screen.Trusted(cell.Source);
                continue;
            }
            var text = Choose(cell, id, student, studentCells, stubs, name, notes);
            if (cell.Kind == CellKind.Code)
            {
                if (text != stubs[id] && screen.Screen(text) is { } reason)
                {
                    notes.Add($"{name}: your cell {id} was not run: {reason}. It was graded as the unanswered stub.");
                    text = stubs[id];
                }
                if (text == stubs[id]) screen.Trusted(text);
            }
            cell.Source = text;
        }
        return new AssembledNotebook(graded, roles, notes);
    }

    // The student's text for a solution cell, or the stub when it is missing; notes a changed kind or language.
    private static string Choose(NotebookCell cell, string id, Notebook? student, Dictionary<string, NotebookCell> studentCells,
        Dictionary<string, string> stubs, string name, List<string> notes)
    {
        if (student is null) return stubs[id];
        if (!studentCells.TryGetValue(id, out var mine))
        {
            notes.Add($"{name}: your cell {id} is missing (deleted, or its metadata changed); it was graded as the unanswered stub.");
            return stubs[id];
        }
        if (mine.Kind != cell.Kind)
            notes.Add($"{name}: your cell {id} was changed to {Kind(mine.Kind)}; it was graded as {Kind(cell.Kind)}.");
        else if (cell.Kind == CellKind.Code && !IsCSharp(mine.Language))
            notes.Add($"{name}: your cell {id} is set to the {mine.Language} kernel; it was graded as C#.");
        return mine.Source;
    }

    /// <summary>What the source's own solution cells use of the code that computes answers (<see cref="QuestionLibrary"/>), each
    /// compiled on the cells before it, as the screen compiles a student's.</summary>
    public static IReadOnlyList<string> LibraryUsedBySolutions(Notebook source, string directory)
    {
        var collector = QuestionLibrary.Collecting();
        var screen = new CellScreen(directory, collector);
        foreach (var cell in source.Cells.Where(c => c.Kind == CellKind.Code))
            if (GradingCell.Of(cell).IsSolution) screen.Screen(cell.Source);
            else screen.Trusted(cell.Source);
        return collector.Used;
    }

    private static Notebook HiddenTestsLast(Notebook source)
    {
        static bool HiddenTest(NotebookCell c) => GradingCell.Of(c) is { IsTest: true, IsHidden: true };
        var ordered = source.Clone();
        ordered.SetCells(source.Cells.Where(c => !HiddenTest(c)).Concat(source.Cells.Where(HiddenTest)));
        return ordered;
    }

    private static string Kind(CellKind kind) => kind.ToString().ToLowerInvariant();

    private static bool IsCSharp(string language) =>
        language.Equals("csharp", StringComparison.OrdinalIgnoreCase) || language.Equals("C#", StringComparison.OrdinalIgnoreCase);

    private static void CheckLanguage(Notebook student, string name, List<string> notes)
    {
        var spec = student.Metadata["kernelspec"];
        var language = (string?)spec?["language"] ?? (string?)student.Metadata["language_info"]?["name"];
        var kernel = (string?)spec?["name"];
        bool csharp = language is null || IsCSharp(language) || language.Equals("polyglot-notebook", StringComparison.OrdinalIgnoreCase);
        if (!csharp || (kernel is not null && !kernel.Contains("csharp", StringComparison.OrdinalIgnoreCase)))
            notes.Add($"{name}: your notebook is set to the {kernel ?? language} kernel; it was graded as C# (.NET).");
    }
}
