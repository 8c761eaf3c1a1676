using System.Text.Json.Nodes;
using DlCourse.Cli.Grading;
using DlCourse.Cli.Notebooks;

namespace DlCourse.Tests.Grading;

/// <summary>
/// The grader's bookkeeping (scoring, restarts, files, reruns) with a stand-in worker (<see cref="StandInExecutor"/>).
/// The real sandboxed worker is exercised by <see cref="HostileSubmissionTests"/>.
/// </summary>
public class GraderTests
{
    private static (Grader, StandInExecutor) Make(GradingFixture fx)
    {
        var executor = new StandInExecutor();
        return (new Grader(executor, new GradeOptions(fx.Source, fx.Submissions, fx.Out, Jobs: 2, CellTimeoutSeconds: 5)), executor);
    }

    [Fact]
    public async Task Scores_per_question_with_partial_credit_and_writes_every_file()
    {
        using var fx = new GradingFixture();
        fx.Student("alice", GradingFixture.Correct);
        fx.Student("bob", new Dictionary<string, string>());
        fx.StudentWith("carol", "f1q2-impl", "static int SumTo(int n) => 0; // WRONG");
        var (grader, _) = Make(fx);

        var results = (await grader.GradeAllAsync()).ToDictionary(r => r.Student);

        Assert.Equal((7.0, 7.0), (results["alice"].Score, results["alice"].MaxScore));
        Assert.Equal(0, results["bob"].Score);
        Assert.Equal(3, results["carol"].Score);
        Assert.Equal(3, results["carol"].Question("q1-squares.ipynb").Score);
        Assert.Equal(0, results["carol"].Question("q2-sums.ipynb").Score);
        Assert.Contains("not answered yet", results["bob"].Test("f1q1-three").Output, StringComparison.OrdinalIgnoreCase);

        var json = JsonNode.Parse(File.ReadAllText(Path.Combine(fx.Out, "carol", "results.json")))!;
        Assert.Equal(3, (double)json["score"]!);
        var tests = json["tests"]!.AsArray();
        Assert.Equal(5, tests.Count);
        Assert.Equal(7, tests.Sum(t => (double)t!["max_score"]!));
        Assert.All(tests, t => Assert.Equal(((string)t!["name"]!).Contains("hidden") ? "after_published" : "visible", (string)t["visibility"]!));
        Assert.Equal("after_published", (string)tests.Single(t => ((string)t!["name"]!).Contains("f1q2-hundred"))!["visibility"]!);

        var gradebook = File.ReadAllLines(Path.Combine(fx.Out, "gradebook.csv"));
        Assert.Equal("student,score,max_score,f1-fixture/q1-squares.ipynb,f1-fixture/q2-sums.ipynb,notes", gradebook[0]);
        Assert.Equal("alice,7,7,3,4,", gradebook[1]);
        Assert.StartsWith("carol,3,7,3,0,", gradebook[3]);
        Assert.True(File.Exists(Path.Combine(fx.Out, "alice", GradingFixture.Q2)));
        Assert.Contains("Score: 3 / 7", File.ReadAllText(Path.Combine(fx.Out, "carol", "feedback.html")));
    }

    [Fact]
    public async Task Students_named_like_the_graders_own_files_get_folders_of_their_own()
    {
        using var fx = new GradingFixture();
        foreach (var name in new[] { "gradebook.csv", "Questions.json", "~gradebook.csv", "manual-scores.json" })
            fx.Student(name, GradingFixture.Correct);
        var (grader, _) = Make(fx);

        var results = await grader.GradeAllAsync();

        Assert.All(results, r => Assert.Equal(7.0, r.Score));
        Assert.True(File.Exists(Path.Combine(fx.Out, "gradebook.csv")), "the gradebook is a file, not a student's folder");
        Assert.Equal(5, File.ReadAllLines(Path.Combine(fx.Out, "gradebook.csv")).Length);
        Assert.NotNull(JsonNode.Parse(File.ReadAllText(Path.Combine(fx.Out, "questions.json"))));
        foreach (var folder in new[] { "~gradebook.csv", "~Questions.json", "~~gradebook.csv", "~manual-scores.json" })
            Assert.True(File.Exists(Path.Combine(fx.Out, folder, "results.json")), folder);
    }

    [Fact]
    public async Task Notes_about_the_grading_machine_go_to_the_staff_and_never_into_what_the_student_sees()
    {
        // What Sandbox.Create says on a machine without a control group to give (Gradescope's).
        const string note = "memory and processes are limited by the managed-heap limit and prlimit, not a control group (no cgroup here)";
        using var fx = new GradingFixture();
        fx.Student("alice", GradingFixture.Correct);
        var grader = new Grader(new StandInExecutor(), new GradeOptions(fx.Source, fx.Submissions, fx.Out, Jobs: 1, CellTimeoutSeconds: 5))
        {
            Sandboxes = (options, _, _) => new Sandbox { Options = options, CommandPrefix = [], Environment = new Dictionary<string, string>(), Notes = [note] },
        };

        var alice = Assert.Single(await grader.GradeAllAsync());

        var results = File.ReadAllText(Path.Combine(fx.Out, "alice", "results.json"));
        Assert.DoesNotContain("control group", results);
        Assert.Equal("All notebooks ran.", (string)JsonNode.Parse(results)!["output"]!);
        Assert.DoesNotContain("control group", File.ReadAllText(Path.Combine(fx.Out, "alice", "feedback.html")));
        Assert.Empty(alice.Notes);
        Assert.Equal([note], grader.SandboxNotes);
        Assert.Contains(note, File.ReadAllText(Path.Combine(fx.Out, GradedFiles.SandboxNotesFile)));
    }

    [Fact]
    public async Task Notes_are_deduplicated_and_capped_whatever_the_submission_holds()
    {
        using var fx = new GradingFixture();
        // A thousand copies of one solution cell: a note each, before notes were bounded.
        fx.Student("mallory", GradingFixture.Correct, (_, notebook) =>
        {
            var cells = notebook.Json["cells"]!.AsArray();
            if (cells.FirstOrDefault(c => (string?)c!["metadata"]?["nbgrader"]?["grade_id"] == "f1q1-impl") is not { } solution) return notebook;
            for (int i = 0; i < 1000; i++) cells.Add(solution.DeepClone());
            return Notebook.Parse(notebook.Json.ToJsonString(), "mallory.ipynb");
        });
        var (grader, _) = Make(fx);

        var result = (await grader.GradeAllAsync()).Single();

        var notes = result.Question("q1-squares.ipynb").Notes;
        Assert.InRange(notes.Count, 1, GradingNotes.MaxCount);
        Assert.Single(notes, n => n.Contains("has cell f1q1-impl twice"));
        Assert.InRange(new FileInfo(Path.Combine(fx.Out, "mallory", "results.json")).Length, 1, 20_000);
        Assert.InRange(new FileInfo(Path.Combine(fx.Out, "mallory", "feedback.html")).Length, 1, 30_000);
        Assert.Equal(7.0, result.Score);
    }

    [Fact]
    public async Task A_first_cell_that_cannot_load_the_library_is_named_as_the_course_s_failure()
    {
        using var fx = new GradingFixture();
        var source = Path.Combine(fx.Source, GradingFixture.Q1);
        var notebook = Notebook.Load(source);
        notebook.Cells.First(c => c.Kind == CellKind.Code).Source += "\n// LIBRARY_FAILS";
        notebook.Save(source);
        fx.Student("alice", GradingFixture.Correct);
        var grader = new Grader(new StandInExecutor(), new GradeOptions(fx.Source, fx.Submissions, fx.Out, Jobs: 1, CellTimeoutSeconds: 5, Against: JudgeAgainst.OwnRun));

        var alice = Assert.Single(await grader.GradeAllAsync());

        var notes = alice.Question("q1-squares.ipynb").Notes;
        Assert.Contains("the course's first cell, which loads the library, failed: (1,1): error CS0006", notes[0]);
        Assert.Equal(0, alice.Question("q1-squares.ipynb").Score);
        Assert.DoesNotContain(alice.Question("q2-sums.ipynb").Notes, n => n.Contains("first cell"));
    }

    [Fact]
    public async Task A_cell_that_kills_the_worker_is_left_out_and_the_notebook_run_again()
    {
        using var fx = new GradingFixture();
        fx.StudentWith("dave", "f1q1-impl", "static double Square(double x) => x * x; // CRASH");
        var (grader, executor) = Make(fx);

        var dave = Assert.Single(await grader.GradeAllAsync());

        Assert.Equal(0, dave.Question("q1-squares.ipynb").Score);
        Assert.Equal(4, dave.Question("q2-sums.ipynb").Score);
        Assert.Contains(dave.Question("q1-squares.ipynb").Notes, n => n.Contains("stopped the worker") && n.Contains("f1q1-impl"));
        Assert.Equal(3 + 2, executor.Runs); // q1 twice and q2 once, and one reference run of each
        var executed = Notebook.Load(Path.Combine(fx.Out, "dave", GradingFixture.Q1));
        var impl = executed.Cells.Single(c => GradingCell.Of(c).GradeId == "f1q1-impl");
        Assert.Equal("error", (string?)impl.Outputs[0]!["output_type"]);
    }

    [Fact]
    public async Task Missing_and_malformed_notebooks_score_zero_with_a_reason_and_others_still_count()
    {
        using var fx = new GradingFixture();
        fx.Student("erin", GradingFixture.Correct);
        File.Delete(Path.Combine(fx.Submissions, "erin", GradingFixture.Q1));
        fx.Student("frank", GradingFixture.Correct);
        File.WriteAllText(Path.Combine(fx.Submissions, "frank", GradingFixture.Q2), "{\"cells\": [ {\"cell_type\": ");
        var (grader, _) = Make(fx);

        var results = (await grader.GradeAllAsync()).ToDictionary(r => r.Student);

        Assert.Equal(4, results["erin"].Score);
        Assert.Contains(results["erin"].Question("q1-squares.ipynb").Notes, n => n.Contains("was not found"));
        Assert.Equal(3, results["frank"].Score);
        Assert.Contains(results["frank"].Question("q2-sums.ipynb").Notes, n => n.Contains("could not be read") && n.Contains("q2-sums.ipynb"));
        Assert.All(results["frank"].Question("q2-sums.ipynb").Tests, t => Assert.StartsWith("not run:", t.Output));
    }

    [Fact]
    public async Task Finished_students_survive_an_interrupted_run_and_a_rerun_grades_only_what_changed()
    {
        using var fx = new GradingFixture();
        fx.Student("gina", GradingFixture.Correct);
        fx.StudentWith("hank", "f1q2-impl", "static int SumTo(int n) => Enumerable.Range(1, n).Sum();\nstatic double Mean(double[] xs) => xs.Average();");
        using var interrupt = new CancellationTokenSource();
        // Ctrl-C (or a kill) arrives while hank is being graded.
        var executor = new StandInExecutor { FailWith = nb => nb.ToJson().Contains("Enumerable.Range(1, n).Sum()") ? Cancel(interrupt) : null };
        var options = new GradeOptions(fx.Source, fx.Submissions, fx.Out, Jobs: 1, CellTimeoutSeconds: 5);

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => new Grader(executor, options).GradeAllAsync(cancellation: interrupt.Token));
        Assert.True(File.Exists(Path.Combine(fx.Out, "gina", "results.json")));
        Assert.False(File.Exists(Path.Combine(fx.Out, "hank", "results.json")));
        Assert.Empty(Directory.EnumerateFiles(fx.Out, "*.tmp", SearchOption.AllDirectories));

        executor.FailWith = null;
        executor.Runs = 0;
        var results = await new Grader(executor, options).GradeAllAsync();
        Assert.Equal(2 + 2, executor.Runs); // hank's two notebooks only, and their reference runs
        Assert.All(results, r => Assert.Equal(7, r.Score));

        executor.Runs = 0;
        await new Grader(executor, options).GradeAllAsync();
        Assert.Equal(0, executor.Runs);

        fx.StudentWith("gina", "f1q1-impl", "static double Square(double x) => x * x * 1.0;");
        executor.Runs = 0;
        await new Grader(executor, options).GradeAllAsync();
        Assert.Equal(2 + 2, executor.Runs);
    }

    private static Exception Cancel(CancellationTokenSource source)
    {
        source.Cancel();
        return new OperationCanceledException(source.Token);
    }

    [Fact]
    public async Task A_grader_failure_on_one_notebook_is_reported_and_retried_on_the_next_run()
    {
        using var fx = new GradingFixture();
        fx.Student("ivy", GradingFixture.Correct);
        fx.Student("jack", GradingFixture.Correct);
        var executor = new StandInExecutor { FailWith = nb => nb.Cells.Any(c => c.Source.Contains("Mean")) ? new IOException("disk full") : null };
        var options = new GradeOptions(fx.Source, fx.Submissions, fx.Out, Jobs: 2, CellTimeoutSeconds: 5);

        var results = await new Grader(executor, options).GradeAllAsync();
        Assert.All(results, r => Assert.Equal(3, r.Score));
        Assert.All(results, r => Assert.Contains(r.Question("q2-sums.ipynb").Notes, n => n.Contains("the grader failed") && n.Contains("disk full")));

        executor.FailWith = null;
        Assert.All(await new Grader(executor, options).GradeAllAsync(), r => Assert.Equal(7, r.Score));
    }

    [Fact]
    public async Task A_single_submission_folder_writes_results_json_at_the_top_of_out()
    {
        using var fx = new GradingFixture();
        fx.Student("only", GradingFixture.Correct);
        var single = Path.Combine(fx.Submissions, "only");
        var executor = new StandInExecutor();
        var result = Assert.Single(await new Grader(executor, new GradeOptions(fx.Source, single, fx.Out)).GradeAllAsync());
        Assert.Equal(7, result.Score);
        Assert.True(File.Exists(Path.Combine(fx.Out, "results.json")));
    }

    [Fact]
    public async Task Feedback_links_to_notebook_pages_that_show_visible_tests_and_never_hidden_ones()
    {
        using var fx = new GradingFixture();
        fx.Student("kim", GradingFixture.Correct);
        var (grader, _) = Make(fx);

        await grader.GradeAllAsync();

        var student = Path.Combine(fx.Out, "kim");
        var feedback = File.ReadAllText(Path.Combine(student, "feedback.html"));
        Assert.DoesNotContain("notebook pages not rendered", feedback);
        foreach (var relative in new[] { GradingFixture.Q1, GradingFixture.Q2 })
        {
            var page = Path.Combine(student, "feedback", Path.ChangeExtension(relative, ".html"));
            Assert.True(File.Exists(page), page);
            Assert.Contains($"href=\"feedback/{Path.ChangeExtension(relative, ".html")}\"", feedback);
            var cells = GradingFixture.LoadFixture(relative).Cells.Where(c => GradingCell.Of(c).IsTest).ToList();
            var html = File.ReadAllText(page);
            Assert.All(cells.Where(c => !GradingCell.Of(c).IsHidden), c => Assert.True(Shows(html, c.Source), $"{relative}: visible test missing"));
            Assert.Contains(cells, c => GradingCell.Of(c).IsHidden);
            // Anywhere under feedback/: the pages, the assets, any leftover file.
            foreach (var file in Directory.EnumerateFiles(Path.Combine(student, "feedback"), "*", SearchOption.AllDirectories))
            {
                var text = File.ReadAllText(file);
                foreach (var hidden in cells.Where(c => GradingCell.Of(c).IsHidden))
                    Assert.False(Shows(text, hidden.Source) || text.Contains(hidden.Source.Split("//")[^1].Trim()), $"{file} shows the hidden test of {relative}");
            }
        }
        Assert.Equal(2, Directory.EnumerateFiles(Path.Combine(student, "feedback"), "*.html", SearchOption.AllDirectories)
            .Count(f => !f.Contains($"{Path.DirectorySeparatorChar}assets{Path.DirectorySeparatorChar}")));

        static bool Shows(string html, string source) => html.Contains(source) || html.Contains(System.Net.WebUtility.HtmlEncode(source));
    }
}
