using DlCourse.Cli.Grading.Late;
using DlCourse.Tests.Support;

namespace DlCourse.Tests.Grading.Late;

/// <summary>A course file, an extensions file and a submissions manifest written to a temporary folder, as an instructor writes them.</summary>
internal sealed class LateFiles
{
    public string Folder { get; } = Repository.TempFolder("late");
    public string Course => Path.Combine(Folder, "course.json");
    public string Extensions => Path.Combine(Folder, "extensions.csv");
    public string Submitted => Path.Combine(Folder, "submitted.csv");

    /// <summary>Three assignments, due a week apart at 23:59 in Berlin, under <paramref name="policy"/> (a JSON object).</summary>
    public LateFiles(string policy, string assignments = """
        "a1": { "due": "2026-10-05T23:59", "title": "A1 — Loss functions" },
        "a2": { "due": "2026-10-12T23:59" },
        "a3": { "due": "2026-10-19T23:59" }
        """)
    {
        File.WriteAllText(Course, $$"""
            {
              "time_zone": "Europe/Berlin",
              "assignments": { {{assignments}} },
              "late_policy": {{policy}}
            }
            """);
    }

    public LateFiles WithExtensions(params string[] rows) { File.WriteAllText(Extensions, "student,assignment,due\n" + string.Join("\n", rows) + "\n"); return this; }

    public LateFiles WithSubmitted(params string[] rows) { File.WriteAllText(Submitted, "student,assignment,submitted_at\n" + string.Join("\n", rows) + "\n"); return this; }

    public LateRules Rules() => LateRules.Load(Course, File.Exists(Extensions) ? Extensions : null, [Submitted]);

    public const string Penalty = """{ "kind": "penalty", "per_day_percent": 10, "cap_percent": 30 }""";
    public const string LateDays = """{ "kind": "late_days", "budget": 3 }""";
}
