namespace DlCourse.Cli.Grading;

/// <summary>The files a grading run leaves in the grades folder; <c>grade</c> writes them, and <c>review</c> rewrites them after each score.</summary>
internal static class GradedFiles
{
    /// <summary>The grader's own record of a student (with the fingerprint a rerun compares); written last, it marks the student as done.</summary>
    public const string InternalResults = "grading.json";
    public const string GradebookFile = "gradebook.csv";

    /// <summary>Writes a student's results.json, feedback.html and grading.json, each atomically, in that order.</summary>
    public static void WriteStudent(string studentOut, SubmissionResult result, FeedbackPages pages)
    {
        AtomicFile.WriteAllText(Path.Combine(studentOut, "results.json"), ResultsWriter.GradescopeJson(result));
        AtomicFile.WriteAllText(Path.Combine(studentOut, "feedback.html"), ResultsWriter.FeedbackHtml(result, pages));
        AtomicFile.WriteAllText(Path.Combine(studentOut, InternalResults), ResultsWriter.InternalJson(result));
    }

    /// <summary>Writes gradebook.csv atomically.</summary>
    public static void WriteGradebook(string gradesDir, IEnumerable<SubmissionResult> results, IReadOnlyList<string> notebooks) =>
        AtomicFile.WriteAllText(Path.Combine(gradesDir, GradebookFile), ResultsWriter.Gradebook(results, notebooks));
}
