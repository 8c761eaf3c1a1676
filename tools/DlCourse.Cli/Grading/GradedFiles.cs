using DlCourse.Cli.Grading.Results;

namespace DlCourse.Cli.Grading;

/// <summary>The files a grading run leaves in the grades folder; <c>grade</c> writes them, and <c>review</c> rewrites them after each score.</summary>
internal static class GradedFiles
{
    /// <summary>The grader's own record of a student (with the fingerprint a rerun compares); written last, it marks the student as done.</summary>
    public const string InternalResults = "grading.json";
    public const string GradebookFile = "gradebook.csv";
    public const string ResultsFile = "results.json", FeedbackFile = "feedback.html";
    /// <summary>What the sandbox could not do on the grading machine: for the staff, never in what students see.</summary>
    public const string SandboxNotesFile = "sandbox-notes.txt";

    /// <summary>What the grader writes at the top of a grades folder, beside the students' folders.</summary>
    public static readonly string[] TopLevel = [GradebookFile, GradesIndex.FileName, Manual.ManualScores.FileName, SandboxNotesFile];

    /// <summary>What the grader writes in a student's folder, beside the executed notebooks.</summary>
    public static readonly string[] StudentFiles = [ResultsFile, FeedbackFile, InternalResults, FeedbackPages.Folder];

    /// <summary>The folder for a student's results: the name itself unless it is one of the grader's own (or begins with the
    /// escape), then prefixed with "~", so no two students and no student and grader file share a name.</summary>
    public static string StudentFolder(string student) =>
        student.StartsWith('~') || TopLevel.Contains(student, StringComparer.OrdinalIgnoreCase) ? "~" + student : student;

    public static bool IsStudentFile(string name) => StudentFiles.Contains(name, StringComparer.OrdinalIgnoreCase);

    /// <summary>Writes a student's results.json, feedback.html and grading.json, each atomically, in that order.</summary>
    public static void WriteStudent(string studentOut, SubmissionResult result, FeedbackPages pages)
    {
        AtomicFile.WriteAllText(Path.Combine(studentOut, ResultsFile), ResultsWriter.GradescopeJson(result));
        AtomicFile.WriteAllText(Path.Combine(studentOut, FeedbackFile), ResultsWriter.FeedbackHtml(result, pages));
        AtomicFile.WriteAllText(Path.Combine(studentOut, InternalResults), ResultsWriter.InternalJson(result));
    }

    /// <summary>Writes sandbox-notes.txt atomically: one note a line, or that every measure applied.</summary>
    public static void WriteSandboxNotes(string gradesDir, IReadOnlyCollection<string> notes) =>
        AtomicFile.WriteAllText(Path.Combine(gradesDir, SandboxNotesFile), notes.Count == 0
            ? "The grading sandbox applied every measure on this machine.\n"
            : "What the grading sandbox could not do on this machine (students do not see this):\n" + string.Concat(notes.Select(n => $"- {n}\n")));

    /// <summary>Writes gradebook.csv atomically.</summary>
    public static void WriteGradebook(string gradesDir, IEnumerable<SubmissionResult> results, IReadOnlyList<string> notebooks) =>
        AtomicFile.WriteAllText(Path.Combine(gradesDir, GradebookFile), ResultsWriter.Gradebook(results, notebooks));
}
