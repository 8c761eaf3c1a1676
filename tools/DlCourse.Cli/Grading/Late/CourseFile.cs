using System.Text.Json;
using System.Text.Json.Nodes;

namespace DlCourse.Cli.Grading.Late;

/// <summary>One assignment of the course: the folder of its notebooks (e.g. a1-loss-functions), its title in the LMS, its due date.</summary>
public sealed record CourseAssignment(string Name, string Title, DateTimeOffset Due);

/// <summary>
/// The course file (JSON): the time zone, each assignment's due date and title, and the late policy. Read whole or not at
/// all: any unknown key, bad date or bad number stops the verb with one line naming the file and the key.
/// </summary>
public sealed record CourseFile(string Path, CourseClock Clock, IReadOnlyList<CourseAssignment> Assignments, LatePolicy Policy)
{
    /// <summary>The assignment named <paramref name="name"/> (its notebook folder), or null.</summary>
    public CourseAssignment? Assignment(string name) => Assignments.FirstOrDefault(a => a.Name == name);

    /// <exception cref="InvalidDataException">The file is missing or not a valid course file.</exception>
    public static CourseFile Load(string path)
    {
        var file = System.IO.Path.GetFileName(path);
        if (!File.Exists(path)) throw new InvalidDataException($"{path}: no such course file.");
        JsonObject root;
        try { root = JsonNode.Parse(File.ReadAllText(path), documentOptions: new() { CommentHandling = JsonCommentHandling.Skip, AllowTrailingCommas = true }) as JsonObject
                     ?? throw new InvalidDataException($"{file}: not a JSON object."); }
        catch (JsonException e) { throw new InvalidDataException($"{file}: not valid JSON ({e.Message})"); }
        catch (ArgumentException e) { throw new InvalidDataException($"{file}: not valid JSON ({e.Message})"); } // a key given twice
        try
        {
            Only(root, "", "time_zone", "assignments", "late_policy");
            var clock = CourseClock.For(Text(root, "time_zone", required: false));
            if (root["assignments"] is not JsonObject assignments || assignments.Count == 0)
                throw new InvalidDataException("assignments: an object with one entry per assignment folder, e.g. \"a1-loss-functions\": {\"due\": \"2026-10-12T23:59\"}.");
            var list = new List<CourseAssignment>();
            foreach (var (name, node) in assignments)
            {
                var at = $"assignments.{name}";
                if (name.Length == 0 || name.IndexOfAny(['/', '\\']) >= 0) throw new InvalidDataException($"{at}: an assignment is named by its notebook folder, e.g. a1-loss-functions.");
                if (node is not JsonObject a) throw new InvalidDataException($"{at}: an object such as {{\"due\": \"2026-10-12T23:59\"}}.");
                Only(a, at + ".", "due", "title");
                var due = clock.Parse(Text(a, "due", at: at + ".")!, at + ".due");
                list.Add(new CourseAssignment(name, Text(a, "title", required: false, at: at + ".") ?? name, due));
            }
            return new CourseFile(System.IO.Path.GetFullPath(path), clock, list, ReadPolicy(root["late_policy"]));
        }
        catch (InvalidDataException e) { throw new InvalidDataException($"{file}: {e.Message}", e); }
    }

    private static LatePolicy ReadPolicy(JsonNode? node)
    {
        if (node is null) return LatePolicy.None;
        if (node is not JsonObject p) throw new InvalidDataException("late_policy: an object such as {\"kind\": \"penalty\", \"per_day_percent\": 10, \"cap_percent\": 30}.");
        Only(p, "late_policy.", "kind", "budget", "per_day_percent", "cap_percent");
        var kind = Text(p, "kind", at: "late_policy.") switch
        {
            "none" => LatePolicyKind.None,
            "penalty" => LatePolicyKind.Penalty,
            "late_days" => LatePolicyKind.LateDays,
            var other => throw new InvalidDataException($"late_policy.kind: \"{other}\" is not none, penalty or late_days."),
        };
        if (kind == LatePolicyKind.Penalty && (p["per_day_percent"] is null || p["cap_percent"] is null))
            throw new InvalidDataException("late_policy: a penalty needs per_day_percent and cap_percent.");
        if (kind == LatePolicyKind.LateDays && p["budget"] is null) throw new InvalidDataException("late_policy: late_days needs a budget (days per student).");
        // Past the budget, by default a late submission earns nothing.
        double @default = kind == LatePolicyKind.LateDays ? 100 : 0;
        var budget = Number(p, "budget", 0);
        if (budget != Math.Floor(budget) || budget > 365) throw new InvalidDataException($"late_policy.budget: {budget} is not a whole number of days from 0 to 365.");
        try { return new LatePolicy(kind, (int)budget, Number(p, "per_day_percent", @default), Number(p, "cap_percent", @default)); }
        catch (ArgumentOutOfRangeException e) { throw new InvalidDataException($"late_policy.{e.Message.Split(" (Parameter")[0]}"); }
    }

    private static void Only(JsonObject o, string at, params string[] keys)
    {
        if (o.Select(kv => kv.Key).FirstOrDefault(k => !keys.Contains(k)) is { } unknown)
            throw new InvalidDataException($"{at}{unknown}: unknown key (expected {string.Join(", ", keys)}).");
    }

    private static string? Text(JsonObject o, string key, bool required = true, string at = "")
    {
        var node = o[key];
        if (node is null) return required ? throw new InvalidDataException($"{at}{key}: missing.") : null;
        return node is JsonValue v && v.TryGetValue<string>(out var s) && s.Trim().Length > 0 ? s.Trim()
            : throw new InvalidDataException($"{at}{key}: a non-empty string.");
    }

    private static double Number(JsonObject o, string key, double fallback)
    {
        var node = o[key];
        if (node is null) return fallback;
        return node is JsonValue v && v.TryGetValue<double>(out var x) ? x : throw new InvalidDataException($"late_policy.{key}: a number.");
    }
}
