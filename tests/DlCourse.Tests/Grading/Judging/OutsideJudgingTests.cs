using DlCourse.Cli.Grading;
using DlCourse.Cli.Grading.Results;
using DlCourse.Cli.Notebooks;
using DlCourse.Cli.Running;
using DlCourse.Tests.Support;

namespace DlCourse.Tests.Grading.Judging;

/// <summary>
/// A1 Q2 and A1 Q7 graded for real against the reference run, with students whose process agrees with itself but whose
/// values are wrong: one that overwrites the test's input so that the test's own reference agrees with it, one that adds a
/// forged check, one that brings its own <c>Check</c>, and one that prints what a hidden test hands it.
/// </summary>
public sealed class OutsideJudgingClass : IDisposable
{
    public const string Bce = "a1-loss-functions/q2-binary-cross-entropy.ipynb", Softmax = "a1-loss-functions/q7-stable-softmax.ipynb";
    public const string SpyMarker = "SPY-LOGITS";
    public string Root { get; } = Repository.TempFolder("outside-judging");
    public Dictionary<string, SubmissionResult> Results { get; } = [];
    public int Runs => executor.Runs;
    private readonly CountingExecutor executor = new();

    public static readonly Dictionary<string, (string Notebook, string Cell, string Code)> Students = new()
    {
        ["bce-correct"] = (Bce, "a1q2-impl", "double Bce(double y, double yHat) => -(y * Math.Log(yHat) + (1 - y) * Math.Log(1 - yHat));"),
        // Right values, plus a check of its own with the visible test's expected value: one check too many.
        ["bce-forger"] = (Bce, "a1q2-impl", """
            double Bce(double y, double yHat)
            {
                Check.Close(Math.Log(2), Math.Log(2), 1e-12, "BCE(y = 1, ŷ = 0.5) = ln 2");
                return -(y * Math.Log(yHat) + (1 - y) * Math.Log(1 - yHat));
            }
            """),
        ["bce-own-check"] = (Bce, "a1q2-impl", """
            static class Check
            {
                public static void Close(double a, double e, double t, string w) { }
                public static void AtMost(double a, double b, string w) { }
            }
            double Bce(double y, double yHat) => 0;
            """),
        ["softmax-correct"] = (Softmax, "a1q7-impl", """
            double[] MySoftmax(double[] z)
            {
                double m = z.Max();
                var e = z.Select(v => Math.Exp(v - m)).ToArray();
                return e.Select(v => v / e.Sum()).ToArray();
            }
            """),
        // Right where the test states the answer; elsewhere it zeroes the caller's logits, so that the library's softmax
        // of them, computed afterwards in the same process, is the uniform vector it returns.
        ["softmax-overwrite"] = (Softmax, "a1q7-impl", """
            double[] MySoftmax(double[] z)
            {
                if (z is [1000.0, 1001.0, 1002.0]) return [0.0900305731703805, 0.244728471054797, 0.665240955774822];
                if (z is [1e4, -1e4, 0, 1e4]) return [0.5, 0, 0, 0.5];
                Array.Fill(z, 0.0);
                return [.. z.Select(_ => 1.0 / z.Length)];
            }
            """),
        ["softmax-spy"] = (Softmax, "a1q7-impl", $$"""
            double[] MySoftmax(double[] z)
            {
                Console.WriteLine("{{SpyMarker}} " + string.Join(",", z));
                double m = z.Max();
                var e = z.Select(v => Math.Exp(v - m)).ToArray();
                return e.Select(v => v / e.Sum()).ToArray();
            }
            """),
    };

    public OutsideJudgingClass()
    {
        if (!OperatingSystem.IsWindows()) File.SetUnixFileMode(Root, (UnixFileMode)0b111_101_101);
        foreach (var notebook in new[] { Bce, Softmax })
        {
            var source = Path.Combine(Repository.Notebooks, notebook);
            foreach (var (student, (nb, cell, code)) in Students.Where(s => s.Value.Notebook == notebook))
            {
                var submission = Notebook.Load(source);
                submission.Cells.Single(c => GradingCell.Of(c).GradeId == cell).Source = code;
                submission.Save(Path.Combine(Root, "submissions", student, Path.GetFileName(notebook)));
            }
            var options = new GradeOptions(source, Path.Combine(Root, "submissions"), Path.Combine(Root, "out"), Jobs: 2, CellTimeoutSeconds: 120);
            foreach (var result in new Grader(executor, options).GradeAllAsync().GetAwaiter().GetResult())
                if (result.Questions.Single().Tests.Count > 0 && Students[result.Student].Notebook == notebook) Results[result.Student] = result;
        }
    }

    public void Dispose() => Directory.Delete(Root, recursive: true);

    private sealed class CountingExecutor : INotebookExecutor
    {
        private readonly RunnerExecutor inner = new();
        public int Runs;

        public Task<ExecutionRun> ExecuteAsync(Notebook notebook, RunOptions options, CancellationToken cancellation)
        {
            Interlocked.Increment(ref Runs);
            return inner.ExecuteAsync(notebook, options, cancellation);
        }
    }
}

public class OutsideJudgingTests(OutsideJudgingClass graded) : IClassFixture<OutsideJudgingClass>
{
    private double Code(string student) => graded.Results[student].Questions.Single().Tests.Sum(t => t.Score);
    private double CodeMax(string student) => graded.Results[student].Questions.Single().Tests.Sum(t => t.MaxScore);

    [Fact]
    public void Correct_answers_earn_every_code_point_and_each_notebook_has_one_reference_run()
    {
        Assert.Equal(CodeMax("bce-correct"), Code("bce-correct"));
        Assert.Equal(CodeMax("softmax-correct"), Code("softmax-correct"));
        Assert.Equal(CodeMax("softmax-spy"), Code("softmax-spy"));
        // Every student of a notebook was graded against one reference run of it: students + 1 runs per notebook.
        Assert.Equal(OutsideJudgingClass.Students.Count + 2, graded.Runs);
    }

    [Fact]
    public void Overwriting_the_test_s_input_passes_in_the_student_s_process_and_scores_nothing()
    {
        var hidden = graded.Results["softmax-overwrite"].Test("a1q7-random-and-extreme");
        Assert.Equal(0, hidden.Score);
        Assert.Contains("do not hold against the reference run", hidden.Output);
        // In its own process the test's every check passed: the staff's copy of the run shows its ticks and no failed check
        // (the cells after it chart the student's softmax, and their claims about it may fail).
        var executed = Notebook.Load(Path.Combine(graded.Root, "out", "softmax-overwrite", Path.GetFileName(OutsideJudgingClass.Softmax)));
        var testCell = executed.Cells.Single(c => GradingCell.Of(c).GradeId == "a1q7-random-and-extreme").Outputs
            .ToJsonString(new System.Text.Json.JsonSerializerOptions { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping });
        Assert.Contains("✓ matches the library on 100 random vectors", testCell);
        Assert.DoesNotContain("CheckFailedException", testCell);
        var visible = graded.Results["softmax-overwrite"].Test("a1q7-large-logits");
        Assert.Equal(visible.MaxScore, visible.Score); // where the test states its answer, the answer was right
    }

    [Fact]
    public void A_forged_extra_check_or_a_Check_of_the_student_s_own_scores_nothing()
    {
        var forged = graded.Results["bce-forger"].Test("a1q2-single-sample");
        Assert.Equal(0, forged.Score);
        // Its forged check comes first, so the test's own checks are held against the reference's next ones, and one is left over.
        Assert.Contains("do not hold against the reference run", forged.Output);
        Assert.Equal(0, Code("bce-forger"));
        Assert.Equal(0, Code("bce-own-check"));
    }

    [Fact]
    public void Hidden_tests_run_last_and_what_they_hand_student_code_is_seen_by_the_staff_only()
    {
        var executed = Notebook.Load(Path.Combine(graded.Root, "out", "softmax-spy", Path.GetFileName(OutsideJudgingClass.Softmax)));
        var roles = executed.Cells.Select(GradingCell.Of).ToList();
        int firstHidden = roles.FindIndex(r => r.IsHidden);
        Assert.True(firstHidden > 0 && roles.Skip(firstHidden).All(r => r.IsHidden), "hidden tests are the last cells run");
        // The spy prints every input; the hidden test's ±1e4 logits reach the staff's copy of the run and nothing else.
        const string hiddenInput = OutsideJudgingClass.SpyMarker + " 10000,-10000,0,10000";
        Assert.Contains(hiddenInput, executed.ToJson());

        var studentFiles = new[] { "results.json", "feedback.html" }.Select(f => Path.Combine(graded.Root, "out", "softmax-spy", f))
            .Concat(Directory.EnumerateFiles(Path.Combine(graded.Root, "out", "softmax-spy", "feedback"), "*.html", SearchOption.AllDirectories));
        foreach (var file in studentFiles)
            Assert.False(File.ReadAllText(file).Contains(hiddenInput, StringComparison.Ordinal), $"{file} shows what a hidden test handed student code");
    }
}
