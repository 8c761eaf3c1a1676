using System.Text.Json;
using System.Text.Json.Nodes;
using DlCourse.Cli.Grading.CsvFiles;

namespace DlCourse.Cli.Grading.Late;

/// <summary>
/// When each submission was handed in: from the LMS's manifest (CSV: <c>student,submitted_at</c>, which counts for every
/// assignment graded in the run, or <c>student,assignment,submitted_at</c>, which may also list earlier assignments for
/// the late-day budget), and from Gradescope's <c>submission_metadata.json</c> (<c>created_at</c> of the one submission
/// graded, whose <c>users</c>' emails and SIDs name the student in the other files).
/// </summary>
public sealed class SubmissionTimes
{
    private readonly List<Entry> entries;
    private readonly List<string> users;

    private SubmissionTimes(List<Entry> entries, List<string> users, List<string> paths) => (this.entries, this.users, Paths) = (entries, users, paths);

    /// <summary>The files read, so that the grader can keep them from student code.</summary>
    public IReadOnlyList<string> Paths { get; }

    /// <summary>A Gradescope metadata file was read: its time is that of the single submission graded.</summary>
    public bool FromGradescope => entries.Any(e => e.Student is null);

    /// <exception cref="InvalidDataException">A file is missing or malformed, names an unknown assignment, or gives one time twice.</exception>
    public static SubmissionTimes Load(IReadOnlyList<string> paths, CourseFile course)
    {
        var entries = new List<Entry>();
        var users = new List<string>();
        foreach (var path in paths)
        {
            if (path.EndsWith(".json", StringComparison.OrdinalIgnoreCase)) entries.Add(Gradescope(path, course.Clock, users));
            else entries.AddRange(Manifest(path, course));
        }
        if (entries.Count(e => e.Student is null) > 1) throw new InvalidDataException("only one submission_metadata.json can be given: it times the one submission graded.");
        foreach (var twice in entries.Where(e => e.Student is not null).GroupBy(e => (e.Student!, e.Assignment ?? ""), IdentityComparer.Pair).Where(g => g.Count() > 1))
            throw new InvalidDataException($"{twice.Last().Where}: {twice.Last().Student} already has a submission time{(twice.Key.Item2.Length > 0 ? $" for {twice.Key.Item2}" : "")} ({twice.First().Where}); keep one.");
        return new SubmissionTimes(entries, users, paths.Select(System.IO.Path.GetFullPath).ToList());
    }

    /// <summary>The names the course's files may use for <paramref name="student"/>: the folder, and on Gradescope its users' emails and SIDs.</summary>
    public IReadOnlyList<string> Identities(string student) => [student, .. users];

    /// <summary>When <paramref name="identities"/> handed in <paramref name="assignment"/> (a group: the latest), or null if no file says;
    /// a time without an assignment counts only for the assignments <paramref name="graded"/> in this run.</summary>
    public DateTimeOffset? At(IReadOnlyList<string> identities, string assignment, bool graded)
    {
        if (graded && entries.FirstOrDefault(e => e.Student is null) is { } gradescope) return gradescope.At;
        var own = entries.Where(e => e.Student is not null && identities.Contains(e.Student, IdentityComparer.Student)).ToList();
        return own.Where(e => e.Assignment == assignment).Select(e => (DateTimeOffset?)e.At).Max()
            ?? (graded ? own.Where(e => e.Assignment is null).Select(e => (DateTimeOffset?)e.At).Max() : null);
    }

    private static IEnumerable<Entry> Manifest(string path, CourseFile course)
    {
        var table = CsvTable.Load(path, ["student", "submitted_at"], ["assignment"]);
        foreach (var row in table.Rows)
        {
            var at = $"{table.File} line {row.Line}";
            if (row["student"].Length == 0) throw new InvalidDataException($"{at}: no student.");
            string? assignment = null;
            if (table.Columns.Contains("assignment"))
            {
                assignment = row["assignment"];
                if (course.Assignment(assignment) is null)
                    throw new InvalidDataException($"{at}: \"{assignment}\" is not an assignment of {System.IO.Path.GetFileName(course.Path)} ({string.Join(", ", course.Assignments.Select(a => a.Name))}).");
            }
            yield return new Entry(row["student"], assignment, course.Clock.Parse(row["submitted_at"], at), at);
        }
    }

    // https://gradescope-autograders.readthedocs.io/en/latest/submission_metadata/
    private static Entry Gradescope(string path, CourseClock clock, List<string> users)
    {
        var file = System.IO.Path.GetFileName(path);
        if (!File.Exists(path)) throw new InvalidDataException($"{path}: no such file (Gradescope puts it at /autograder/submission_metadata.json).");
        JsonNode? root;
        try { root = JsonNode.Parse(File.ReadAllText(path)); }
        catch (JsonException e) { throw new InvalidDataException($"{file}: not valid JSON ({e.Message})"); }
        if (root is not JsonObject o || o["created_at"] is not JsonValue created || !created.TryGetValue<string>(out var text))
            throw new InvalidDataException($"{file}: no created_at (the submission time) in it.");
        if (o["users"] is JsonArray list)
            foreach (var user in list.OfType<JsonObject>())
                foreach (var key in new[] { "email", "sid" })
                    if (user[key] is JsonValue v && v.TryGetValue<string>(out var id) && id.Trim().Length > 0) users.Add(id.Trim());
        return new Entry(null, null, clock.Parse(text, $"{file}: created_at"), file);
    }

    // Student null: the submission being graded (Gradescope's metadata); Assignment null: every assignment graded in the run.
    private sealed record Entry(string? Student, string? Assignment, DateTimeOffset At, string Where);
}
