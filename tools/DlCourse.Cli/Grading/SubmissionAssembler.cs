using System.Text.Json.Nodes;

namespace DlCourse.Cli.Grading;

/// <summary>The notebook the grader runs for one student and one source notebook, with what the student should know about it.</summary>
internal sealed record AssembledNotebook(JsonObject Notebook, IReadOnlyList<GradingCell> Roles, IReadOnlyList<string> Notes);

/// <summary>
/// Builds the graded notebook: the source's cells in the source's order, where only solution cells (matched by
/// grade_id) come from the student; tests, locked and plain cells and hidden tests always come from the source.
/// </summary>
internal static class SubmissionAssembler
{
    public static AssembledNotebook Assemble(JsonObject source, JsonObject? student, string name)
    {
        var notes = new List<string>();
        var studentCells = new Dictionary<string, JsonObject>(StringComparer.Ordinal);
        if (student is not null)
        {
            CheckLanguage(student, name, notes);
            foreach (var cell in NotebookJson.Cells(student))
                if (GradingCell.Of(cell) is { IsSolution: true, GradeId: { } id } && !studentCells.TryAdd(id, cell))
                    notes.Add($"{name}: the submission has cell {id} twice; the first one was graded.");
        }

        var sourceCells = NotebookJson.Cells(source).ToList();
        var roles = sourceCells.Select(GradingCell.Of).ToList();
        var usedByTests = new HashSet<string>(StringComparer.Ordinal);
        var declaredBySolution = new HashSet<string>(StringComparer.Ordinal);
        for (int i = 0; i < sourceCells.Count; i++)
        {
            if (NotebookJson.CellType(sourceCells[i]) != "code") continue;
            var text = NotebookJson.Source(sourceCells[i]);
            if (roles[i].IsSolution) declaredBySolution.UnionWith(RedefinitionGuard.Declared(text));
            else usedByTests.UnionWith(RedefinitionGuard.Used(text));
        }

        var released = Releaser.Release(source, name);
        var stubs = NotebookJson.Cells(released).Where(c => GradingCell.Of(c).IsSolution)
            .ToDictionary(c => GradingCell.Of(c).GradeId!, NotebookJson.Source, StringComparer.Ordinal);

        var cells = new JsonArray();
        for (int i = 0; i < sourceCells.Count; i++)
        {
            var cell = (JsonObject)sourceCells[i].DeepClone();
            NotebookJson.ClearOutputs(cell);
            var role = roles[i];
            if (role.IsSolution && role.GradeId is { } id)
            {
                var type = NotebookJson.CellType(cell);
                if (student is null) NotebookJson.SetSource(cell, stubs[id]);
                else if (!studentCells.TryGetValue(id, out var mine))
                {
                    notes.Add($"{name}: your cell {id} is missing (deleted, or its metadata changed); it was graded as the unanswered stub.");
                    NotebookJson.SetSource(cell, stubs[id]);
                }
                else
                {
                    var text = NotebookJson.Source(mine);
                    if (NotebookJson.CellType(mine) != type)
                        notes.Add($"{name}: your cell {id} was changed to {NotebookJson.CellType(mine)}; it was graded as {type}.");
                    if (type == "code" && RedefinitionGuard.Reject(text, usedByTests, declaredBySolution) is { } reason)
                    {
                        notes.Add($"{name}: your cell {id} was not run: {reason}. It was graded as the unanswered stub.");
                        text = stubs[id];
                    }
                    NotebookJson.SetSource(cell, text);
                }
            }
            cells.Add(cell);
        }
        var graded = (JsonObject)source.DeepClone();
        graded["cells"] = cells;
        return new AssembledNotebook(graded, roles, notes);
    }

    private static void CheckLanguage(JsonObject student, string name, List<string> notes)
    {
        var spec = student["metadata"]?["kernelspec"];
        var language = (string?)spec?["language"] ?? (string?)student["metadata"]?["language_info"]?["name"];
        var kernel = (string?)spec?["name"];
        bool csharp = language is null || language.Equals("C#", StringComparison.OrdinalIgnoreCase)
            || language.Equals("csharp", StringComparison.OrdinalIgnoreCase) || language.Equals("polyglot-notebook", StringComparison.OrdinalIgnoreCase);
        if (!csharp || (kernel is not null && !kernel.Contains("csharp", StringComparison.OrdinalIgnoreCase)))
            notes.Add($"{name}: your notebook is set to the {kernel ?? language} kernel; it was graded as C# (.NET).");
    }
}
