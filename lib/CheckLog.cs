using System.Text.Json;
using System.Text.Json.Serialization;

namespace DlCourse;

/// <summary>What one <see cref="Check"/> call compared: its kind, the values the code under test produced (<see cref="Actual"/>)
/// and what they were held against (<see cref="Expected"/>: expected values or a bound), with the tolerances.</summary>
internal sealed record CheckRecord(string Kind, string What, double[] Actual, double[] Expected,
    double Tolerance = 0, double Relative = 0, bool Strict = false, int[]? Shape = null);

/// <summary>The checks of the cell running now, for the grader's worker, which takes them after each cell (by reflection, as
/// student code cannot: it is internal) and judges them against a reference run in another process.</summary>
internal static class CheckLog
{
    // A cell that checks in a loop must not fill the worker's memory or the answer line: past these, one overflow record.
    internal const int MaxRecords = 1000, MaxNumbers = 50_000;

    private static readonly object Gate = new();
    private static List<CheckRecord> records = [];
    private static int numbers;
    private static bool overflowed;

    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        NumberHandling = JsonNumberHandling.AllowNamedFloatingPointLiterals,
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingDefault,
    };

    internal static void Add(CheckRecord record)
    {
        lock (Gate)
        {
            int size = record.Actual.Length + record.Expected.Length;
            if (overflowed || records.Count >= MaxRecords || numbers + size > MaxNumbers)
            {
                if (!overflowed) records.Add(new CheckRecord("overflow", "too many checks in one cell", [], []));
                overflowed = true;
                return;
            }
            records.Add(record);
            numbers += size;
        }
    }

    /// <summary>The checks recorded since the last drain, as a JSON array, and a fresh log.</summary>
    internal static string Drain()
    {
        List<CheckRecord> taken;
        lock (Gate)
        {
            (taken, records, numbers, overflowed) = (records, [], 0, false);
        }
        return JsonSerializer.Serialize(taken, Json);
    }
}
