using DlCourse.Cli.Grading.CsvFiles;
using DlCourse.Cli.Grading.Late;

namespace DlCourse.Cli.Grading.Lms;

/// <summary>Who a graded student is in the LMS: the name people read, and the identifiers Canvas and Moodle match rows by.</summary>
public sealed record LmsStudent(string Student, string Name, string CanvasId, string SisUserId, string SisLoginId, string Section, string Email, string IdNumber)
{
    /// <summary>Without a roster the submission folder is all there is: it is the name, the SIS Login ID and the ID number.</summary>
    public static LmsStudent FromFolder(string student) => new(student, student, "", "", student, "", "", student);
}

/// <summary>
/// The roster (CSV) that maps each submission folder (column <c>student</c>) to the LMS's identifiers: <c>name</c>,
/// <c>canvas_id</c>, <c>sis_user_id</c>, <c>sis_login_id</c>, <c>section</c>, <c>email</c>, <c>id_number</c> (all optional).
/// </summary>
public sealed class Roster
{
    public static readonly string[] Columns = ["name", "canvas_id", "sis_user_id", "sis_login_id", "section", "email", "id_number"];

    private readonly Dictionary<string, LmsStudent>? students; // null: no roster

    private Roster(Dictionary<string, LmsStudent>? students, string? file) => (this.students, File) = (students, file);

    public static Roster None { get; } = new(null, null);

    /// <summary>The roster's file name, or null without one.</summary>
    public string? File { get; }

    /// <exception cref="InvalidDataException">Malformed, or a student listed twice.</exception>
    public static Roster Load(string path)
    {
        var table = CsvTable.Load(path, ["student"], Columns);
        var students = new Dictionary<string, LmsStudent>(IdentityComparer.Student);
        foreach (var row in table.Rows)
        {
            var student = row["student"];
            if (student.Length == 0) throw new InvalidDataException($"{table.File} line {row.Line}: no student (the submission folder's name).");
            var entry = new LmsStudent(student, row["name"] is { Length: > 0 } name ? name : student, row["canvas_id"], row["sis_user_id"],
                row["sis_login_id"], row["section"], row["email"], row["id_number"]);
            if (!students.TryAdd(student, entry)) throw new InvalidDataException($"{table.File} line {row.Line}: {student} is listed twice.");
        }
        return new Roster(students, table.File);
    }

    /// <summary>The LMS identity of <paramref name="student"/>.</summary>
    /// <exception cref="InvalidDataException">The roster does not list them: their grade would land on nobody, or on someone else.</exception>
    public LmsStudent For(string student) => students is null ? LmsStudent.FromFolder(student)
        : students.GetValueOrDefault(student) ?? throw new InvalidDataException($"{File} does not list {student}, who was graded; add a line for them.");
}
