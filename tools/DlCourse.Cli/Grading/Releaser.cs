using System.Text.Json.Nodes;
using DlCourse.Cli.Notebooks;

namespace DlCourse.Cli.Grading;

/// <summary>Derives student notebooks from source notebooks: solutions stubbed, hidden tests dropped, outputs cleared.</summary>
internal static class Releaser
{
    /// <summary>The student version of one notebook; <paramref name="name"/> is used in error messages.</summary>
    /// <param name="keepMarkers">Keep the solution markers around each stub: a copy that can itself serve as a source (self-check).</param>
    public static Notebook Release(Notebook source, string name, bool keepMarkers = false)
    {
        var released = source.Clone();
        released.ClearOutputs();
        var solutionLines = new List<string>();
        var outsideLines = new HashSet<string>(StringComparer.Ordinal);
        foreach (var cell in released.Cells)
        {
            var role = GradingCell.Of(cell);
            var where = Where(name, cell.Index, role);
            var text = cell.Source;
            if (role.IsHidden)
            {
                solutionLines.AddRange(text.Split('\n'));
                continue;
            }
            if (role.IsSolution && string.IsNullOrWhiteSpace(role.GradeId))
                throw new MalformedSolutionException($"{where} is a solution cell without a grade_id; the grader matches student cells by it.");
            if (cell.Kind == CellKind.Code)
            {
                if (!role.IsSolution)
                {
                    if (SolutionRegions.HasMarkers(text))
                        throw new MalformedSolutionException($"{where} has solution markers but is not a solution cell; add \"nbgrader\": {{\"solution\": true, ...}} to its metadata or remove the markers.");
                    AddLines(outsideLines, text);
                    continue;
                }
                var (stubbed, removed, regions) = SolutionRegions.Strip(text, where, keepMarkers);
                if (regions == 0)
                    throw new MalformedSolutionException($"{where} is a solution cell without a // BEGIN SOLUTION … // END SOLUTION region or a // SOLUTION line.");
                cell.Source = stubbed;
                solutionLines.AddRange(removed);
                AddLines(outsideLines, stubbed);
            }
            else if (cell.Kind == CellKind.Markdown && role.IsSolution)
            {
                cell.Source = SolutionRegions.AnswerStub;
                solutionLines.AddRange(text.Split('\n'));
            }
            else AddLines(outsideLines, text);
        }
        released.RemoveCells(c => GradingCell.Of(c).IsHidden);
        StripRubrics(released);
        VerifyNoSolutionText(released, solutionLines, outsideLines, name);
        return released;
    }

    /// <summary>Removes every cell's <c>"dlcourse": {"rubric": …}</c> (the marking scheme of a written answer), and the key when nothing else is left in it.</summary>
    public static void StripRubrics(Notebook notebook)
    {
        foreach (var cell in notebook.Cells)
        {
            if (cell.Metadata["dlcourse"] is not JsonObject dl) continue;
            dl.Remove("rubric");
            if (dl.Count == 0) cell.Metadata.Remove("dlcourse");
        }
    }

    /// <summary>Releases every notebook under the sources into <paramref name="outDir"/>; nothing is written if any notebook is malformed.</summary>
    public static IReadOnlyList<string> ReleaseAll(IEnumerable<string> sources, string outDir)
    {
        var jobs = new List<(string Output, Notebook Notebook)>();
        foreach (var (path, relative) in NotebookPaths.Expand(sources))
            jobs.Add((Path.Combine(outDir, relative), Release(Notebook.Load(path), relative)));
        foreach (var (output, notebook) in jobs) notebook.Save(output);
        return jobs.Select(j => j.Output).ToList();
    }

    public static string Where(string notebook, int index, GradingCell role) =>
        $"{notebook}, cell {index + 1}" + (role.GradeId is { } id ? $" (grade_id {id})" : "");

    private static void AddLines(HashSet<string> set, string text)
    {
        foreach (var line in text.Split('\n')) set.Add(line.Trim());
    }

    // Defence in depth: a solution line may survive only where the same line is also part of the released text by design.
    private static void VerifyNoSolutionText(Notebook released, List<string> solutionLines, HashSet<string> outsideLines, string name)
    {
        if (released.Cells.FirstOrDefault(c => GradingCell.Rubric(c) is not null) is { } withRubric)
            throw new InvalidOperationException($"{name}: release left the rubric of cell {withRubric.Index + 1} in the output.");
        var output = new HashSet<string>(StringComparer.Ordinal);
        foreach (var cell in released.Cells) AddLines(output, cell.Source);
        // The stubs themselves are released on purpose (a pristine copy's solutions are the stubs).
        foreach (var line in solutionLines.Select(l => l.Trim()).Where(l => l.Length > 0 && l is not (SolutionRegions.Stub or SolutionRegions.AnswerStub)))
            if (output.Contains(line) && !outsideLines.Contains(line))
                throw new InvalidOperationException($"{name}: release left solution text in the output: \"{line}\".");
    }
}
