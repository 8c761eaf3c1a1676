using DlCourse.Cli.Grading.CsvFiles;

namespace DlCourse.Cli.Grading.Late;

/// <summary>
/// Per-student new due dates, from a CSV file with the columns <c>student,assignment,due</c>: the student as the
/// submissions name them (the folder, or on Gradescope the email), the assignment folder, and the new due date.
/// </summary>
public sealed class Extensions
{
    private readonly Dictionary<(string Student, string Assignment), DateTimeOffset> dues;

    private Extensions(Dictionary<(string, string), DateTimeOffset> dues) => this.dues = dues;

    public static Extensions None { get; } = new(new());

    public string? Path { get; private init; }

    public int Count => dues.Count;

    /// <exception cref="InvalidDataException">Malformed, an unknown assignment, a student given twice for one assignment, or a date before the assignment's due date.</exception>
    public static Extensions Load(string path, CourseFile course)
    {
        var table = CsvTable.Load(path, ["student", "assignment", "due"], []);
        var dues = new Dictionary<(string, string), DateTimeOffset>(IdentityComparer.Pair);
        var lines = new Dictionary<(string, string), int>(IdentityComparer.Pair);
        foreach (var row in table.Rows)
        {
            var at = $"{table.File} line {row.Line}";
            var (student, assignment) = (row["student"], row["assignment"]);
            if (student.Length == 0) throw new InvalidDataException($"{at}: no student.");
            var known = course.Assignment(assignment)
                ?? throw new InvalidDataException($"{at}: \"{assignment}\" is not an assignment of {System.IO.Path.GetFileName(course.Path)} ({string.Join(", ", course.Assignments.Select(a => a.Name))}).");
            var due = course.Clock.Parse(row["due"], at);
            if (due < known.Due) throw new InvalidDataException($"{at}: the new due date {CourseClock.Format(course.Clock.Local(due))} is before the assignment's own, {CourseClock.Format(course.Clock.Local(known.Due))}.");
            if (lines.TryGetValue((student, assignment), out var first))
                throw new InvalidDataException($"{at}: {student} already has an extension for {assignment} (line {first}); keep one.");
            (dues[(student, assignment)], lines[(student, assignment)]) = (due, row.Line);
        }
        return new Extensions(dues) { Path = System.IO.Path.GetFullPath(path) };
    }

    /// <summary>The latest extension of any of <paramref name="identities"/> (a group's members) for <paramref name="assignment"/>, or null.</summary>
    public DateTimeOffset? Due(IEnumerable<string> identities, string assignment) =>
        identities.Select(s => dues.TryGetValue((s, assignment), out var d) ? d : (DateTimeOffset?)null).Max();
}
