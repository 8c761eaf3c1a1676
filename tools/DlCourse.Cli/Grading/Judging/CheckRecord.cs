using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.Json.Serialization;

namespace DlCourse.Cli.Grading.Judging;

/// <summary>One <c>Check</c> call as the course library recorded it (<c>DlCourse.CheckLog</c>): its kind, the values the code
/// under test produced and what they were held against (expected values or a bound), with the tolerances.</summary>
public sealed record CheckRecord(string Kind, string What, double[] Actual, double[] Expected,
    double Tolerance = 0, double Relative = 0, bool Strict = false, int[]? Shape = null)
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        NumberHandling = JsonNumberHandling.AllowNamedFloatingPointLiterals,
    };

    /// <summary>The records a worker sent with a cell's <c>done</c>; null stays null (no course library loaded). A record that
    /// does not parse becomes an "unreadable" one, which no judgement accepts.</summary>
    public static IReadOnlyList<CheckRecord>? Read(JsonArray? records) =>
        records?.Select(r =>
        {
            try { return r.Deserialize<CheckRecord>(Json) ?? Unreadable; }
            catch (Exception e) when (e is JsonException or InvalidOperationException or FormatException) { return Unreadable; }
        }).ToList();

    private static readonly CheckRecord Unreadable = new("unreadable", "a check record that could not be read", [], []);
}
