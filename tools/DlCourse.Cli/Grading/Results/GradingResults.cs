using System.Text.Json.Serialization;

namespace DlCourse.Cli.Grading.Results;

/// <summary>One test cell's result.</summary>
public sealed record TestResult(string Notebook, string GradeId, double Score, double MaxScore, bool Hidden, bool Passed, string Output);

/// <summary>One written answer, graded by hand: the student's text and, once a reviewer scored this very text, the score and comment.</summary>
/// <param name="AnswerHash">The hash of <paramref name="Answer"/> (<see cref="Grading.WrittenAnswers.Hash"/>); a manual score counts only for the text it was given to.</param>
/// <param name="Note">Why a score that exists does not count (the answer changed, the points are over the maximum), or null.</param>
public sealed record WrittenResult(string Notebook, string GradeId, double MaxScore, string Answer, string AnswerHash,
    double? Score = null, string? Comment = null, string? Note = null)
{
    /// <summary>No manual score exists yet for this text.</summary>
    [JsonIgnore] public bool Pending => Score is null;
}

/// <summary>One question (notebook) of one submission; <see cref="Score"/> and <see cref="MaxScore"/> include its written answers.</summary>
public sealed record QuestionResult(string Notebook, double Score, double MaxScore, IReadOnlyList<TestResult> Tests, IReadOnlyList<string> Notes,
    IReadOnlyList<WrittenResult>? Written = null)
{
    /// <summary>The written answers (none for results written before they were graded).</summary>
    public IReadOnlyList<WrittenResult> Written { get; init; } = Written ?? [];

    /// <summary>The assignment: the folder that holds the source notebook (e.g. a1-loss-functions); null in results of an older dlcourse.</summary>
    public string? Assignment { get; init; }
}

/// <summary>One student's graded submission; <see cref="Fingerprint"/> identifies the submission and source it was graded from.</summary>
public sealed record SubmissionResult(string Student, double Score, double MaxScore, IReadOnlyList<QuestionResult> Questions,
    IReadOnlyList<string> Notes, string Fingerprint, double Seconds)
{
    /// <summary>The late policy applied to each assignment handed in; null when the run had no course file.</summary>
    public IReadOnlyList<Lateness>? Late { get; init; }

    /// <summary>The late penalties in points: a percentage of each assignment's current score.</summary>
    [JsonIgnore] public double Penalty => AssignmentScore.Of(this).Sum(a => a.Penalty);

    /// <summary>The score after the late policy: what the student gets (<see cref="Score"/> is the raw score).</summary>
    [JsonIgnore] public double FinalScore => Score - Penalty;

    public TestResult Test(string gradeId) => Questions.SelectMany(q => q.Tests).Single(t => t.GradeId == gradeId);
    public QuestionResult Question(string notebookFileName) => Questions.Single(q => Path.GetFileName(q.Notebook) == notebookFileName);
    public WrittenResult WrittenAnswer(string gradeId) => Questions.SelectMany(q => q.Written).Single(w => w.GradeId == gradeId);
}
