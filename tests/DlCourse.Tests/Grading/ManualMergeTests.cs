using DlCourse.Cli.Grading;
using DlCourse.Cli.Grading.Manual;
using DlCourse.Cli.Grading.Results;
using DlCourse.Tests.Support;

namespace DlCourse.Tests.Grading;

/// <summary>Merging manual scores into graded results: pending until scored, pending again when the answer changes, invalid points refused.</summary>
public class ManualMergeTests
{
    private const string Nb = "w1/q1.ipynb";

    private static SubmissionResult Graded(string answer = "Because the chain rule.") =>
        new("alice", 1, 4, [new QuestionResult(Nb, 1, 4, [new TestResult(Nb, "w1q1-test", 1, 1, false, true, "passed")], [],
            [new WrittenResult(Nb, "w1q1-why", 3, answer, WrittenAnswers.Hash(answer))])], [], "fp", 1);

    private static ManualScore Score(double points, string answer = "Because the chain rule.", string comment = "ok") =>
        new(points, comment, WrittenAnswers.Hash(answer), DateTimeOffset.UtcNow);

    [Fact]
    public void An_answer_is_pending_with_zero_points_until_scored_then_counts_with_its_comment()
    {
        var scores = new ManualScores();
        var pending = ManualMerge.Apply(Graded(), scores);
        Assert.True(pending.WrittenAnswer("w1q1-why").Pending);
        Assert.Equal((1.0, 4.0), (pending.Score, pending.MaxScore));
        Assert.Contains("pending manual review", ResultsWriter.GradescopeJson(pending));

        scores.Set("alice", Nb, "w1q1-why", Score(2.5, comment: "misses the last step"), 3);
        var scored = ManualMerge.Apply(pending, scores);
        Assert.Equal(2.5, scored.WrittenAnswer("w1q1-why").Score);
        Assert.Equal("misses the last step", scored.WrittenAnswer("w1q1-why").Comment);
        Assert.Equal(3.5, scored.Score);
        Assert.Equal(3.5, scored.Questions[0].Score);
        Assert.Contains("alice,3.5,4,3.5,2.5,", ResultsWriter.Gradebook([scored], [Nb]));
        Assert.Contains("misses the last step", ResultsWriter.FeedbackHtml(scored));

        // Applying again (every grading run does) changes nothing.
        Assert.Equal(3.5, ManualMerge.Apply(scored, scores).Score);
    }

    [Fact]
    public void A_changed_answer_is_pending_again_and_says_why()
    {
        var scores = new ManualScores();
        scores.Set("alice", Nb, "w1q1-why", Score(3), 3);
        Assert.Equal(4, ManualMerge.Apply(Graded(), scores).Score);

        var resubmitted = ManualMerge.Apply(Graded("Because of the quotient rule."), scores);
        var answer = resubmitted.WrittenAnswer("w1q1-why");
        Assert.True(answer.Pending);
        Assert.Contains("changed", answer.Note);
        Assert.Equal(1, resubmitted.Score);
        Assert.Contains("pending", ResultsWriter.Gradebook([resubmitted], [Nb]).Split('\n')[1]);

        // Line endings and surrounding blanks are no new answer.
        Assert.False(ManualMerge.Apply(Graded("  Because the chain rule.\r\n"), scores).WrittenAnswer("w1q1-why").Pending);
    }

    [Theory]
    [InlineData(-1)]
    [InlineData(3.5)]
    [InlineData(double.NaN)]
    [InlineData(double.PositiveInfinity)]
    public void Invalid_points_are_refused(double points)
    {
        var scores = new ManualScores();
        Assert.Throws<ArgumentOutOfRangeException>(() => scores.Set("alice", Nb, "w1q1-why", Score(points), 3));
        Assert.Equal(0, scores.Count);
    }

    [Fact]
    public void A_stored_score_over_the_maximum_is_pending_and_a_malformed_file_is_an_error()
    {
        var folder = Repository.TempFolder("manual-scores");
        var scores = new ManualScores();
        scores.Set("alice", Nb, "w1q1-why", Score(3), 3);
        scores.Save(folder);
        var loaded = ManualScores.Load(folder);
        Assert.Equal(3, loaded.Get("alice", Nb, "w1q1-why")!.Points);
        Assert.Empty(Directory.EnumerateFiles(folder, "*.tmp"));

        // The question was worth 3 when scored and is now worth 2 (its points lowered in the source).
        var lowered = Graded() with { Questions = [Graded().Questions[0] with { Written = [Graded().Questions[0].Written[0] with { MaxScore = 2 }] }] };
        var merged = ManualMerge.Apply(lowered, loaded).WrittenAnswer("w1q1-why");
        Assert.True(merged.Pending);
        Assert.Contains("over", merged.Note);

        var path = Path.Combine(folder, ManualScores.FileName);
        File.WriteAllText(path, File.ReadAllText(path).Replace("\"points\": 3", "\"points\": -3"));
        Assert.Throws<InvalidDataException>(() => ManualScores.Load(folder));
        File.WriteAllText(path, "{ \"students\": ");
        Assert.Contains(ManualScores.FileName, Assert.Throws<InvalidDataException>(() => ManualScores.Load(folder)).Message);
    }
}
