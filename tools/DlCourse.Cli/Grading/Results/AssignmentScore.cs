namespace DlCourse.Cli.Grading.Results;

/// <summary>One assignment of a submission: the raw score of its notebooks (written answers as reviewed so far), the
/// late penalty in points and the final score; <see cref="Pending"/> written answers are not scored yet.</summary>
public sealed record AssignmentScore(string Assignment, double Raw, double Max, Lateness? Late, int Pending)
{
    public double Penalty => Late is null ? 0 : Math.Round(Raw * Late.PenaltyPercent / 100, 2);

    public double Final => Raw - Penalty;

    /// <summary>The assignments of <paramref name="result"/> in the order of its notebooks.</summary>
    public static IReadOnlyList<AssignmentScore> Of(SubmissionResult result) =>
        result.Questions.GroupBy(q => q.Assignment ?? "").Select(g => new AssignmentScore(g.Key, g.Sum(q => q.Score), g.Sum(q => q.MaxScore),
            result.Late?.FirstOrDefault(l => l.Assignment == g.Key), g.Sum(q => q.Written.Count(w => w.Pending)))).ToList();

    /// <summary>The assignment a source notebook belongs to: the name of the folder that holds it.</summary>
    public static string AssignmentOf(string notebookPath) => Path.GetFileName(Path.GetDirectoryName(Path.GetFullPath(notebookPath)))!;
}
