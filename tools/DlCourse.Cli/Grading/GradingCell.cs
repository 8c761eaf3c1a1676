using System.Text.Json.Nodes;
using DlCourse.Cli.Notebooks;

namespace DlCourse.Cli.Grading;

/// <summary>A cell's grading role, read from its nbgrader (schema 3) and dlcourse metadata.</summary>
internal sealed record GradingCell(bool IsSolution, bool IsTest, bool IsLocked, string? GradeId, double Points, bool IsHidden)
{
    public static readonly GradingCell Plain = new(false, false, false, null, 0, false);

    public static GradingCell Of(NotebookCell cell)
    {
        var metadata = cell.Metadata;
        var hidden = metadata["dlcourse"] is JsonObject dl && Flag(dl["hidden"]);
        if (metadata["nbgrader"] is not JsonObject nb) return Plain with { IsHidden = hidden };
        var points = nb["points"] is JsonValue p && p.TryGetValue(out double d) ? d : 0;
        return new GradingCell(Flag(nb["solution"]), Flag(nb["grade"]), Flag(nb["locked"]), (string?)nb["grade_id"], points, hidden);
    }

    private static bool Flag(JsonNode? node) => node is JsonValue v && v.TryGetValue(out bool b) && b;
}
