using System.Text.Json.Nodes;
using DlCourse.Cli.Notebooks;

namespace DlCourse.Cli.Grading;

/// <summary>A cell's grading role, read from its nbgrader (schema 3) and dlcourse metadata.</summary>
/// <param name="IsTest">An auto-graded test: a code cell with <c>"grade": true</c>.</param>
/// <param name="IsWrittenAnswer">A written answer graded by hand: a Markdown cell with <c>"solution": true, "grade": true</c>.</param>
internal sealed record GradingCell(bool IsSolution, bool IsTest, bool IsLocked, string? GradeId, double Points, bool IsHidden,
    bool IsWrittenAnswer = false)
{
    public static readonly GradingCell Plain = new(false, false, false, null, 0, false);

    public static GradingCell Of(NotebookCell cell)
    {
        var metadata = cell.Metadata;
        var hidden = metadata["dlcourse"] is JsonObject dl && Flag(dl["hidden"]);
        if (metadata["nbgrader"] is not JsonObject nb) return Plain with { IsHidden = hidden };
        var points = nb["points"] is JsonValue p && p.TryGetValue(out double d) ? d : 0;
        bool solution = Flag(nb["solution"]), grade = Flag(nb["grade"]);
        // Only code runs: a graded Markdown cell earns nothing by "running", so it is never a test.
        bool code = cell.Kind == CellKind.Code;
        return new GradingCell(solution, grade && code, Flag(nb["locked"]), (string?)nb["grade_id"], points, hidden,
            IsWrittenAnswer: grade && solution && cell.Kind == CellKind.Markdown);
    }

    /// <summary>The rubric of a written answer (<c>"dlcourse": {"rubric": "…"}</c>), or null.</summary>
    public static string? Rubric(NotebookCell cell) =>
        cell.Metadata["dlcourse"] is JsonObject dl && dl["rubric"] is JsonValue v && v.TryGetValue(out string? s) ? s : null;

    private static bool Flag(JsonNode? node) => node is JsonValue v && v.TryGetValue(out bool b) && b;
}
