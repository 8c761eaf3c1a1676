using System.Text.Json.Nodes;
using DlCourse.Cli.Grading;
using DlCourse.Cli.Grading.Review;

namespace DlCourse.Tests.Grading.Late;

/// <summary><c>grade</c> with a course file (the stand-in worker): the final score in results.json, the gradebook and the feedback page, and why.</summary>
public class LateGradingTests
{
    private static LateFiles Course(string assignment, string policy = LateFiles.Penalty) =>
        new(policy, $$"""
            "{{assignment}}": { "due": "2026-10-12T23:59", "title": "F1, \"the fixture\"" }
            """);

    [Fact]
    public async Task A_late_submission_loses_its_penalty_and_results_gradebook_and_feedback_say_why()
    {
        using var fx = new GradingFixture();
        fx.Student("alice", GradingFixture.Correct);
        fx.Student("bob", GradingFixture.Correct);
        var files = Course("f1-fixture").WithSubmitted("alice,f1-fixture,2026-10-12T23:59:00", "bob,f1-fixture,2026-10-14T08:00");
        var executor = new StandInExecutor();
        var options = new GradeOptions(fx.Source, fx.Submissions, fx.Out, Jobs: 1, CellTimeoutSeconds: 5, Late: files.Rules());

        var results = (await new Grader(executor, options).GradeAllAsync()).ToDictionary(r => r.Student);

        Assert.Equal((7.0, 0.0, 7.0), (results["alice"].Score, results["alice"].Penalty, results["alice"].FinalScore));
        Assert.Equal((7.0, 1.4, 5.6), (results["bob"].Score, results["bob"].Penalty, results["bob"].FinalScore));
        var json = JsonNode.Parse(File.ReadAllText(Path.Combine(fx.Out, "bob", "results.json")))!;
        Assert.Equal(5.6, (double)json["score"]!);
        Assert.Equal(7, json["tests"]!.AsArray().Sum(t => (double)t!["score"]!)); // the tests keep their points; "score" is the total Gradescope shows
        Assert.StartsWith("f1-fixture: due 2026-10-12 23:59:00 +02:00 (Europe/Berlin), handed in 2026-10-14 08:00:00 +02:00: " +
            "2 days late: 20% late penalty (10% per day late, at most 30%); 7 − 1.4 = 5.6 points.", (string)json["output"]!);
        Assert.StartsWith("f1-fixture: due 2026-10-12 23:59:00 +02:00 (Europe/Berlin), handed in 2026-10-12 23:59:00 +02:00: on time.",
            (string)JsonNode.Parse(File.ReadAllText(Path.Combine(fx.Out, "alice", "results.json")))!["output"]!);

        var gradebook = File.ReadAllLines(Path.Combine(fx.Out, "gradebook.csv"));
        Assert.Equal($"student,score,max_score,raw_score,days_late,late_days_used,penalty,{GradingFixture.Q1},{GradingFixture.Q2},notes", gradebook[0]);
        Assert.Equal("alice,7,7,7,0,0,0,3,4,", gradebook[1]);
        Assert.StartsWith("bob,5.6,7,7,2,0,1.4,3,4,\"f1-fixture: due", gradebook[2]);

        var feedback = File.ReadAllText(Path.Combine(fx.Out, "bob", "feedback.html"));
        Assert.Contains("Score: 5.6 / 7</strong> (7 before the late penalty of 1.4)", feedback);
        Assert.Contains("<td>2 days late: 20% late penalty (10% per day late, at most 30%)</td>".Replace("<td>", "<td class=\"fail\">"), feedback);
        Assert.Contains("<td>7 − 1.4 = 5.6 / 7</td>", feedback);

        // An extension granted afterwards: the rerun grades nobody again, but bob's files follow it.
        files.WithExtensions("bob,f1-fixture,2026-10-14T12:00");
        executor.Runs = 0;
        var rerun = (await new Grader(executor, options with { Late = files.Rules() }).GradeAllAsync()).ToDictionary(r => r.Student);
        Assert.Equal(0, executor.Runs);
        Assert.Equal(7, rerun["bob"].FinalScore);
        var output = (string)JsonNode.Parse(File.ReadAllText(Path.Combine(fx.Out, "bob", "results.json")))!["output"]!;
        Assert.StartsWith("f1-fixture: due 2026-10-14 12:00:00 +02:00 (Europe/Berlin), your extension, handed in 2026-10-14 08:00:00 +02:00: on time.", output);
    }

    [Fact]
    public async Task A_reviewed_written_answer_raises_the_raw_score_and_the_penalty_follows_it()
    {
        using var fx = new GradingFixture("written");
        fx.Student("alice", WrittenAnswerGradingTests.Answers("Chain rule.", "It vanishes."));
        var files = Course("w1-written").WithSubmitted("alice,w1-written,2026-10-13T09:00");
        await new Grader(new StandInExecutor(), new GradeOptions(fx.Source, fx.Submissions, fx.Out, Jobs: 1, Late: files.Rules())).GradeAllAsync();

        var folder = GradesFolder.Open(fx.Out);
        var answer = folder.Answer("alice", GradingFixture.W1, WrittenAnswerGradingTests.Saturation)!;
        folder.Save("alice", GradingFixture.W1, WrittenAnswerGradingTests.Saturation, answer.AnswerHash, 3, "good");

        var json = JsonNode.Parse(File.ReadAllText(Path.Combine(fx.Out, "alice", "results.json")))!;
        Assert.Equal(4.5, (double)json["score"]!); // (2 tests + 3 reviewed) − 10% for one day
        Assert.StartsWith("alice,4.5,7,5,1,0,0.5,", File.ReadAllLines(Path.Combine(fx.Out, "gradebook.csv"))[1]);
    }

    [Fact]
    public async Task A_student_who_handed_in_without_a_submission_time_stops_the_run_before_anything_is_graded()
    {
        using var fx = new GradingFixture();
        fx.Student("alice", GradingFixture.Correct);
        fx.Student("carl", GradingFixture.Correct);
        var files = Course("f1-fixture").WithSubmitted("alice,f1-fixture,2026-10-12T20:00");
        var executor = new StandInExecutor();

        var e = await Assert.ThrowsAsync<InvalidDataException>(() =>
            new Grader(executor, new GradeOptions(fx.Source, fx.Submissions, fx.Out, Late: files.Rules())).GradeAllAsync());

        Assert.StartsWith("carl handed in f1-fixture, but submitted.csv give no submission time for them", e.Message);
        Assert.Equal(0, executor.Runs);
        Assert.False(Directory.Exists(fx.Out));
    }

    [Fact]
    public async Task An_assignment_graded_without_a_due_date_in_the_course_file_stops_the_run()
    {
        using var fx = new GradingFixture();
        fx.Student("alice", GradingFixture.Correct);
        var files = Course("a1-other").WithSubmitted("alice,a1-other,2026-10-12T20:00");
        var e = await Assert.ThrowsAsync<InvalidDataException>(() =>
            new Grader(new StandInExecutor(), new GradeOptions(fx.Source, fx.Submissions, fx.Out, Late: files.Rules())).GradeAllAsync());
        Assert.StartsWith("course.json gives no due date for f1-fixture, which is graded here", e.Message);
    }
}
