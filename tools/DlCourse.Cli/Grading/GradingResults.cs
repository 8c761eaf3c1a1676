namespace DlCourse.Cli.Grading;

/// <summary>One test cell's result.</summary>
public sealed record TestResult(string Notebook, string GradeId, double Score, double MaxScore, bool Hidden, bool Passed, string Output);

/// <summary>One question (notebook) of one submission.</summary>
public sealed record QuestionResult(string Notebook, double Score, double MaxScore, IReadOnlyList<TestResult> Tests, IReadOnlyList<string> Notes);

/// <summary>One student's graded submission; <see cref="Fingerprint"/> identifies the submission and source it was graded from.</summary>
public sealed record SubmissionResult(string Student, double Score, double MaxScore, IReadOnlyList<QuestionResult> Questions,
    IReadOnlyList<string> Notes, string Fingerprint, double Seconds)
{
    public TestResult Test(string gradeId) => Questions.SelectMany(q => q.Tests).Single(t => t.GradeId == gradeId);
    public QuestionResult Question(string notebookFileName) => Questions.Single(q => Path.GetFileName(q.Notebook) == notebookFileName);
}
