using System.Text.Json.Nodes;
using DlCourse.Cli.Grading;
using DlCourse.Cli.Grading.Manual;
using DlCourse.Cli.Notebooks;

namespace DlCourse.Tests.Grading;

/// <summary>Written answers through release and <c>grade</c> (with the stand-in worker): rubrics stripped, pending entries, scores merged on reruns.</summary>
public class WrittenAnswerGradingTests
{
    public const string Derivative = "w1q1-derivative", Saturation = "w1q1-saturation";

    /// <summary>Both written answers of the "written" fixture, in a student's words.</summary>
    public static Dictionary<string, string> Answers(string derivative, string saturation) => new()
    {
        ["w1q1-impl"] = "static double Sigmoid(double x) => 1 / (1 + Math.Exp(-x));",
        [Derivative] = derivative,
        [Saturation] = saturation,
    };

    [Fact]
    public void Release_stubs_written_answers_and_strips_their_rubrics()
    {
        using var fx = new GradingFixture("written");
        var released = fx.ReleasedNotebook(GradingFixture.W1);
        var answers = released.Cells.Where(c => GradingCell.Of(c).IsWrittenAnswer).ToList();
        Assert.Equal(2, answers.Count);
        Assert.All(answers, c => Assert.Equal("YOUR ANSWER HERE", c.Source));
        Assert.All(answers, c => Assert.Null(GradingCell.Rubric(c)));
        Assert.All(answers, c => Assert.True(GradingCell.Of(c).Points > 0, "points stay, so students see what a question is worth"));
        Assert.DoesNotContain("RUBRIC-MARKER", released.ToJson());
        Assert.DoesNotContain("MODEL ANSWER", released.ToJson());
        // The source still has them, and the graded Markdown cells are no auto-graded tests.
        var source = GradingFixture.LoadFixture(GradingFixture.W1, "written");
        Assert.Equal(2, source.Cells.Count(c => GradingCell.Rubric(c) is { Length: > 0 }));
        Assert.Equal(2, source.Cells.Count(c => GradingCell.Of(c).IsTest));
    }

    [Fact]
    public async Task Written_answers_are_pending_until_scored_and_a_rerun_merges_scores_without_running_again()
    {
        using var fx = new GradingFixture("written");
        fx.Student("alice", Answers("By the chain rule, $\\sigma' = \\sigma(1-\\sigma)$.", "The derivative vanishes."));
        fx.Student("bob", Answers("I don't know.", "Saturation."));
        var executor = new StandInExecutor();
        var options = new GradeOptions(fx.Source, fx.Submissions, fx.Out, Jobs: 1, CellTimeoutSeconds: 5);

        var first = (await new Grader(executor, options).GradeAllAsync()).ToDictionary(r => r.Student);
        Assert.Equal((2.0, 7.0), (first["alice"].Score, first["alice"].MaxScore));
        Assert.True(first["alice"].WrittenAnswer(Derivative).Pending);
        var tests = JsonNode.Parse(File.ReadAllText(Path.Combine(fx.Out, "alice", "results.json")))!["tests"]!.AsArray();
        var written = tests.Single(t => ((string)t!["name"]!).Contains(Derivative))!;
        Assert.Equal((0.0, 2.0, "pending manual review", "visible"),
            ((double)written["score"]!, (double)written["max_score"]!, (string)written["output"]!, (string)written["visibility"]!));
        Assert.Equal(7, tests.Sum(t => (double)t!["max_score"]!));
        var gradebook = File.ReadAllLines(Path.Combine(fx.Out, "gradebook.csv"));
        Assert.Equal($"student,score,max_score,{GradingFixture.W1},{Derivative} (written),{Saturation} (written),notes", gradebook[0]);
        Assert.StartsWith("alice,2,7,2,pending,pending,", gradebook[1]);
        Assert.Contains("pending manual review", File.ReadAllText(Path.Combine(fx.Out, "bob", "feedback.html")));
        var index = GradesIndex.Load(fx.Out)!;
        Assert.Equal([Derivative, Saturation], index.Written.Select(q => q.GradeId));
        Assert.StartsWith("RUBRIC-MARKER", index.Written[0].Rubric);
        Assert.StartsWith("MODEL ANSWER", index.Written[0].ModelAnswer);

        var scores = new ManualScores();
        scores.Set("alice", GradingFixture.W1, Derivative, new ManualScore(1.5, "say which rule", first["alice"].WrittenAnswer(Derivative).AnswerHash, DateTimeOffset.UtcNow), 2);
        scores.Save(fx.Out);
        executor.Runs = 0;
        var second = (await new Grader(executor, options).GradeAllAsync()).ToDictionary(r => r.Student);
        Assert.Equal(0, executor.Runs);
        Assert.Equal(3.5, second["alice"].Score);
        Assert.Contains("say which rule", File.ReadAllText(Path.Combine(fx.Out, "alice", "results.json")));
        Assert.Contains("say which rule", File.ReadAllText(Path.Combine(fx.Out, "alice", "feedback.html")));
        Assert.StartsWith("alice,3.5,7,3.5,1.5,pending,", File.ReadAllLines(Path.Combine(fx.Out, "gradebook.csv"))[1]);
        Assert.Contains("href=\"feedback/w1-written/q1-explain.html\"", File.ReadAllText(Path.Combine(fx.Out, "alice", "feedback.html")));

        // Alice resubmits a different answer: she is graded again and the old score no longer counts.
        fx.Student("alice", Answers("Quotient rule.", "The derivative vanishes."));
        var third = (await new Grader(executor, options).GradeAllAsync()).ToDictionary(r => r.Student);
        Assert.Equal(1 + 1, executor.Runs); // alice's notebook and its reference run
        Assert.True(third["alice"].WrittenAnswer(Derivative).Pending);
        Assert.Equal(2, third["alice"].Score);
        Assert.Contains("changed", (string)JsonNode.Parse(File.ReadAllText(Path.Combine(fx.Out, "alice", "results.json")))!["tests"]!.AsArray()
            .Single(t => ((string)t!["name"]!).Contains(Derivative))!["output"]!);
    }

    [Fact]
    public async Task Graded_as_Gradescope_does_by_default_results_json_counts_the_code_tests_and_only_mentions_written_answers()
    {
        using var fx = new GradingFixture("written");
        fx.Student("upload", Answers("By the chain rule.", "The derivative vanishes."));
        var executor = new StandInExecutor();
        // As run_autograder grades: one submission, written answers left to Gradescope's own questions.
        var options = new GradeOptions(fx.Source, Path.Combine(fx.Submissions, "upload"), fx.Out, Jobs: 1, CellTimeoutSeconds: 5,
            Single: true, Written: WrittenGrading.Manual);

        var result = Assert.Single(await new Grader(executor, options).GradeAllAsync());

        Assert.Equal((2.0, 2.0), (result.Score, result.MaxScore));
        var text = File.ReadAllText(Path.Combine(fx.Out, "results.json"));
        var json = JsonNode.Parse(text)!;
        var tests = json["tests"]!.AsArray();
        Assert.DoesNotContain(tests, t => ((string)t!["name"]!).Contains("(written answer)"));
        Assert.Equal((2.0, 2.0), ((double)json["score"]!, tests.Sum(t => (double)t!["max_score"]!)));
        Assert.Contains("Written answers (2 questions, 5 points) are graded separately by the course staff", (string)json["output"]!);
        Assert.DoesNotContain("pending", text);
        Assert.DoesNotContain("(written)", File.ReadAllLines(Path.Combine(fx.Out, "gradebook.csv"))[0]);

        // Counting them (--written autograder) grades again: those results were made without them.
        var counted = Assert.Single(await new Grader(executor, options with { Written = WrittenGrading.Autograder }).GradeAllAsync());
        Assert.Equal(2 + 2, executor.Runs); // each grading run: the notebook and its reference run
        Assert.Equal(7, counted.MaxScore);
        Assert.True(counted.WrittenAnswer(Derivative).Pending);
    }

    [Fact]
    public async Task A_missing_notebook_still_lists_its_written_answers_as_empty_and_pending()
    {
        using var fx = new GradingFixture("written");
        Directory.CreateDirectory(Path.Combine(fx.Submissions, "carl"));
        File.WriteAllText(Path.Combine(fx.Submissions, "carl", "notes.txt"), "no notebook");
        var carl = Assert.Single(await new Grader(new StandInExecutor(), new GradeOptions(fx.Source, fx.Submissions, fx.Out, Single: false)).GradeAllAsync());
        Assert.Equal(7, carl.MaxScore);
        Assert.Equal("", carl.WrittenAnswer(Saturation).Answer);
        Assert.True(carl.WrittenAnswer(Saturation).Pending);
    }
}
