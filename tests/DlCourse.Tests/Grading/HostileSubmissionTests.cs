using System.Text.Json.Nodes;
using DlCourse.Cli.Grading;
using DlCourse.Cli.Grading.Results;
using DlCourse.Cli.Notebooks;

namespace DlCourse.Tests.Grading;

/// <summary>
/// Grades a class of hostile and broken submissions once, for real: sandboxed workers, -j 2, short timeouts. In each,
/// question 1 misbehaves and question 2 is correct, so every test checks that the grader survived, that the other
/// question and the other students were graded correctly, and that the student is told why.
/// </summary>
public sealed class HostileClass : IDisposable
{
    public const string SleepMarker = "313.25";
    public GradingFixture Fx { get; } = new();
    public Dictionary<string, SubmissionResult> Results { get; }
    public TimeSpan Elapsed { get; }

    public HostileClass()
    {
        var hiddenSource = Path.Combine(Fx.Source, GradingFixture.Q1);
        Fx.Student("correct", GradingFixture.Correct);
        Fx.Student("stub", new Dictionary<string, string>());
        Fx.StudentWith("loop", "f1q1-impl", "static double Square(double x) { while (x > 0) { } return x * x; }");
        Fx.StudentWith("exit", "f1q1-impl", "static double Square(double x) { if (x < 0) Environment.Exit(0); return x * x; }");
        Fx.StudentWith("overflow", "f1q1-impl", "static double Square(double x) => x < 0 ? Square(x) + 1 : x * x;");
        Fx.StudentWith("membomb", "f1q1-impl", "static double Square(double x) { var hoard = new List<byte[]>(); while (x < 0) hoard.Add(new byte[1 << 24]); return x * x; }");
        // As root the sandbox has a PID namespace and a process limit, so a small fork bomb is safe to try.
        var spawns = Environment.UserName == "root" ? 2000 : 20;
        Fx.StudentWith("spawn", "f1q1-impl",
            $"static double Square(double x) {{ for (int i = 0; i < {spawns}; i++) System.Diagnostics.Process.Start(\"sleep\", \"{SleepMarker}\"); return x * x; }}");
        Fx.StudentWith("chatty", "f1q1-impl", "static double Square(double x) { Console.Write(new string('y', 3_000_000)); return x * x; }");
        Fx.StudentWith("shouter", "f1q1-impl", "static double Square(double x) => throw new InvalidOperationException(new string('e', 5_000_000));");
        Fx.Student("gradebook.csv", GradingFixture.Correct); // named like the grader's own file
        Fx.StudentWith("reader", "f1q1-impl", $$"""
            static double Square(double x)
            {
                foreach (var path in new[] { @"{{hiddenSource}}", @"{{Path.Combine(Fx.Submissions, "correct", GradingFixture.Q1)}}" })
                {
                    try { Console.WriteLine($"read {System.IO.File.ReadAllText(path).Length} characters: {System.IO.File.ReadAllText(path)}"); }
                    catch (Exception e) { Console.WriteLine($"read failed: {e.GetType().Name}"); }
                }
                try { new System.Net.Http.HttpClient().GetStringAsync("http://127.0.0.1:9/").Wait(); Console.WriteLine("network reachable"); }
                catch (Exception e) { Console.WriteLine($"network failed: {e.GetBaseException().GetType().Name}"); }
                return x * x;
            }
            """);
        Fx.StudentWith("middleware", "f1q1-impl",
            "static double Square(double x) => 0;\nMicrosoft.DotNet.Interactive.Kernel.Root.AddMiddleware(async (command, context, next) => { });");
        // Routes the old deny-list of spellings did not name; the screen refuses them by what they resolve to.
        Fx.StudentWith("stdin", "f1q1-impl", "static double Square(double x) => x * x;\nvar next = Console.In.ReadLine();");
        Fx.StudentWith("dynamic", "f1q1-impl", "static double Square(double x) { dynamic k = 0; return x * x + k; }");
        Fx.StudentWith("typeof", "f1q1-impl", "static double Square(double x) => x * x;\nvar members = typeof(Math).Assembly;");
        Fx.StudentWith("thread", "f1q1-impl", "static double Square(double x) => x * x;\nnew System.Threading.Thread(() => { }).Start();");
        Fx.StudentWith("directive", "f1q1-impl", "static double Square(double x) => x * x;\n \t#!csharp");
        Fx.StudentWith("deconstruct", "f1q1-impl", "static double Square(double x) => x * x;\nvar (Check, y) = (1, 2);");
        Fx.Student("malformed", GradingFixture.Correct);
        File.WriteAllText(Path.Combine(Fx.Submissions, "malformed", GradingFixture.Q1), "{\"nbformat\": 4, \"cells\": [");
        Fx.Student("shuffled", GradingFixture.Correct, (relative, nb) =>
        {
            foreach (var cell in nb.Cells.Where(c => GradingCell.Of(c).IsTest)) cell.Source = "throw new Exception(\"student edit\");";
            nb.RemoveCells(c => GradingCell.Of(c).GradeId is "f1q1-setup" or "f1q2-setup");
            nb.SetCells(nb.Cells.Reverse().ToList());
            return nb;
        });
        Fx.Student("retyped", GradingFixture.Correct, (relative, nb) =>
        {
            var impl = nb.Cells.First(c => GradingCell.Of(c).IsSolution);
            nb.Json["cells"]![impl.Index]!["cell_type"] = "markdown";
            return Notebook.Parse(nb.ToJson(), relative);
        });
        Fx.Student("fsharp", new Dictionary<string, string>(GradingFixture.Correct) { ["f1q1-impl"] = "let square (x: float) = x * x" }, (relative, nb) =>
        {
            if (!relative.Contains("q1")) return nb;
            nb.Metadata["kernelspec"] = new System.Text.Json.Nodes.JsonObject { ["name"] = ".net-fsharp", ["language"] = "F#" };
            nb.Cells.First(c => GradingCell.Of(c).IsSolution).Metadata["polyglot_notebook"] = new System.Text.Json.Nodes.JsonObject { ["kernelName"] = "fsharp" };
            return nb;
        });

        // Files that are not what they claim: the source's own notebook through a link, a folder linked to the source,
        // a link loop, and a FIFO where a notebook should be (reading it would block the grader for ever).
        var sourceQ1 = Path.Combine(Fx.Source, GradingFixture.Q1);
        Fx.Student("symlink", GradingFixture.Correct);
        File.Delete(Path.Combine(Fx.Submissions, "symlink", GradingFixture.Q1));
        File.CreateSymbolicLink(Path.Combine(Fx.Submissions, "symlink", GradingFixture.Q1), sourceQ1);
        Fx.StudentWith("linkedfolder", "f1q1-impl", "static double Square(double x) => 0;");
        var linkedFolder = Path.GetDirectoryName(Path.Combine(Fx.Submissions, "linkedfolder", GradingFixture.Q1))!;
        Directory.Delete(linkedFolder, recursive: true);
        Directory.CreateSymbolicLink(linkedFolder, Path.GetDirectoryName(sourceQ1)!);
        Fx.Student("linkloop", GradingFixture.Correct);
        Directory.CreateSymbolicLink(Path.Combine(Fx.Submissions, "linkloop", "f1-fixture", "again"), Path.Combine(Fx.Submissions, "linkloop"));
        Fx.Student("fifo", GradingFixture.Correct);
        File.Delete(Path.Combine(Fx.Submissions, "fifo", GradingFixture.Q1));
        System.Diagnostics.Process.Start("mkfifo", Path.Combine(Fx.Submissions, "fifo", GradingFixture.Q1))!.WaitForExit();

        // Valid JSON of the wrong shape: a number where the grader reads a grade_id.
        Fx.Student("badshape", GradingFixture.Correct, (relative, nb) =>
        {
            if (relative.Contains("q1")) nb.Json["cells"]![nb.Cells.First(c => GradingCell.Of(c).IsSolution).Index]!["metadata"]!["nbgrader"]!["grade_id"] = 17;
            return nb;
        });

        var clock = System.Diagnostics.Stopwatch.StartNew();
        var options = new GradeOptions(Fx.Source, Fx.Submissions, Fx.Out, Jobs: 2, CellTimeoutSeconds: 5, MemoryMb: 384, MaxRestarts: 2);
        Results = new Grader(new RunnerExecutor(), options).GradeAllAsync().GetAwaiter().GetResult().ToDictionary(r => r.Student);
        Elapsed = clock.Elapsed;
    }

    /// <summary>The sandbox's note when this system gives no PID and mount namespaces (not root), or null.</summary>
    public string? NoNamespacesNote => Results["correct"].Notes.FirstOrDefault(n => n.Contains("no PID or mount namespace") || n.Contains("not on Linux"));

    public void Dispose() => Fx.Dispose();
}

public class HostileSubmissionTests(HostileClass hostile) : IClassFixture<HostileClass>
{
    private SubmissionResult Student(string name) => hostile.Results[name];

    private string Q1Reason(string name) => string.Join("\n",
        Student(name).Question("q1-squares.ipynb").Notes.Concat(Student(name).Question("q1-squares.ipynb").Tests.Select(t => t.Output)));

    /// <summary>Question 1 scored <paramref name="q1"/>, question 2 (correct in every hostile submission) full marks.</summary>
    private void AssertScores(string name, double q1)
    {
        Assert.Equal(q1, Student(name).Question("q1-squares.ipynb").Score);
        Assert.Equal(4, Student(name).Question("q2-sums.ipynb").Score);
        Assert.True(File.Exists(Path.Combine(hostile.Fx.Out, name, "results.json")), $"{name}: results.json written");
    }

    [Fact]
    public void Correct_solutions_get_full_marks_and_the_release_fails_its_tests()
    {
        Assert.Equal(7, Student("correct").Score);
        Assert.Equal(7, Student("correct").MaxScore);
        Assert.Equal(0, Student("stub").Score);
        Assert.All(Student("stub").Questions.SelectMany(q => q.Tests), t => Assert.Contains("NotImplementedException", t.Output));
    }

    [Fact]
    public void Every_student_has_one_gradebook_row() =>
        Assert.Equal(["student", .. hostile.Results.Keys.Order(StringComparer.Ordinal)],
            File.ReadAllLines(Path.Combine(hostile.Fx.Out, "gradebook.csv")).Select(l => l.Split(',')[0]));

    [Fact]
    public void Infinite_loop_times_out_and_later_cells_still_run()
    {
        AssertScores("loop", 2); // the visible Square(3) loops; the hidden Square(-2.5) still runs and passes
        Assert.Contains("timed out", Student("loop").Test("f1q1-three").Output);
        Assert.Contains("run again without it", Q1Reason("loop"));
    }

    [Fact]
    public void Stack_overflow_fails_only_the_test_that_triggered_it()
    {
        AssertScores("overflow", 1); // Square(3) passes; the hidden Square(-2.5) overflows and kills the worker
        Assert.Contains("worker process exited", Student("overflow").Test("f1q1-negative").Output);
        // What students see before grades are published does not describe the hidden test, nor say that one stopped the worker.
        var notes = string.Join("\n", Student("overflow").Questions.SelectMany(q => q.Notes));
        Assert.DoesNotContain("f1q1-negative", notes);
        Assert.DoesNotContain("hidden", notes);
        Assert.DoesNotContain("stopped the worker", notes);
        var feedback = File.ReadAllText(Path.Combine(hostile.Fx.Out, "overflow", "feedback.html"));
        Assert.Contains("f1q1-negative (hidden)", feedback);
        Assert.DoesNotContain("worker process exited", feedback);
    }

    [Fact]
    public void Memory_bomb_hits_the_limit_with_a_clear_reason()
    {
        AssertScores("membomb", 1);
        Assert.Matches("OutOfMemory|memory limit|timed out", Student("membomb").Test("f1q1-negative").Output);
    }

    [Fact]
    public void Spawned_processes_do_not_outlive_grading()
    {
        AssertScores("spawn", 0); // refused by the screen; the PID namespace stays behind it
        Assert.Contains("processes", Q1Reason("spawn"));
        var survivors = Directory.EnumerateDirectories("/proc").Where(d => int.TryParse(Path.GetFileName(d), out _))
            .Where(d => { try { return File.ReadAllText(Path.Combine(d, "cmdline")).Contains(HostileClass.SleepMarker); } catch (IOException) { return false; } catch (UnauthorizedAccessException) { return false; } })
            .Select(d => int.Parse(Path.GetFileName(d))).ToList();
        if (hostile.NoNamespacesNote is { } note)
        {
            // Without a PID namespace the grader cannot reap them; it must say so in the results.
            foreach (var pid in survivors) try { System.Diagnostics.Process.GetProcessById(pid).Kill(); } catch (ArgumentException) { } catch (InvalidOperationException) { }
            Assert.Contains(note, Student("spawn").Notes);
            return;
        }
        Assert.Empty(survivors);
    }

    [Fact]
    public void Megabytes_of_output_are_capped()
    {
        AssertScores("chatty", 3);
        // Each cell keeps at most the cap (2^20 characters) of the 3 M its call of Square printed, and says it was cut.
        var executed = Notebook.Load(Path.Combine(hostile.Fx.Out, "chatty", GradingFixture.Q1));
        Assert.All(executed.Cells, c => Assert.InRange(c.Outputs.OfType<JsonObject>().Sum(CellOutputs.Size), 0, (1 << 20) + 1_000));
        Assert.Contains(executed.Cells, c => c.Outputs.OfType<JsonObject>().Any(o => MultilineText.Read(o["text"]).Contains("output truncated")));
        Assert.InRange(new FileInfo(Path.Combine(hostile.Fx.Out, "chatty", "results.json")).Length, 1, 100_000);
    }

    [Fact]
    public void A_five_megabyte_error_message_scores_zero_and_reaches_the_student_shortened()
    {
        AssertScores("shouter", 0);
        Assert.Contains("InvalidOperationException", Student("shouter").Test("f1q1-three").Output);
        Assert.InRange(new FileInfo(Path.Combine(hostile.Fx.Out, "shouter", "results.json")).Length, 1, 100_000);
        Assert.InRange(new FileInfo(Path.Combine(hostile.Fx.Out, "shouter", "feedback.html")).Length, 1, 100_000);
    }

    [Fact]
    public void A_student_named_like_the_gradebook_is_graded_beside_it()
    {
        Assert.Equal(7, Student("gradebook.csv").Score);
        Assert.True(File.Exists(Path.Combine(hostile.Fx.Out, "~gradebook.csv", "results.json")));
        Assert.Contains(File.ReadAllLines(Path.Combine(hostile.Fx.Out, "gradebook.csv")), l => l.StartsWith("gradebook.csv,7,7,", StringComparison.Ordinal));
    }

    [Fact]
    public void Hidden_tests_and_other_students_cannot_be_read_from_disk()
    {
        AssertScores("reader", 0); // refused by the screen before the mount namespace is needed
        Assert.Contains("files and streams", Q1Reason("reader"));
        Assert.DoesNotContain("hidden-test-marker", File.ReadAllText(Path.Combine(hostile.Fx.Out, "reader", "results.json")));
        Assert.DoesNotContain("hidden-test-marker", File.ReadAllText(Path.Combine(hostile.Fx.Out, "reader", "feedback.html")));
    }

    [Theory]
    [InlineData("middleware", "AddMiddleware")]
    [InlineData("exit", "environment")]
    [InlineData("stdin", "files and streams")] // Console.In is a TextReader
    [InlineData("dynamic", "`dynamic`")]
    [InlineData("typeof", "reflection")]
    [InlineData("thread", "threads")]
    [InlineData("directive", "magic commands")]
    public void Bypassing_the_test_helpers_is_refused_with_a_reason(string name, string reason)
    {
        AssertScores(name, 0);
        Assert.Contains(Student(name).Question("q1-squares.ipynb").Notes, n => n.Contains("was not run") && n.Contains(reason));
        // One line of feedback, and nothing of the hidden tests in what the student sees.
        Assert.Single(Student(name).Question("q1-squares.ipynb").Notes, n => n.Contains("was not run"));
        Assert.DoesNotContain("hidden-test-marker", File.ReadAllText(Path.Combine(hostile.Fx.Out, name, "feedback.html")));
    }

    // The screen no longer refuses names: a student's own `Check` can only shadow what later cells see.
    [Fact]
    public void A_deconstructed_Check_shadows_the_helper_and_breaks_only_the_students_own_tests()
    {
        AssertScores("deconstruct", 0); // the tests' `Check.Close` binds to the student's int and does not compile
        Assert.DoesNotContain(Student("deconstruct").Question("q1-squares.ipynb").Notes, n => n.Contains("was not run"));
    }

    [Theory]
    [InlineData("symlink", "symbolic link")]
    [InlineData("fifo", "not a regular file")]
    public void A_notebook_that_is_a_link_or_no_regular_file_is_not_read(string name, string reason)
    {
        AssertScores(name, 0);
        Assert.Contains(reason, Q1Reason(name));
        Assert.Contains("could not be read", Q1Reason(name));
    }

    [Fact]
    public void A_notebook_of_the_wrong_shape_could_not_be_read_and_names_the_field()
    {
        AssertScores("badshape", 0);
        Assert.Contains("could not be read", Q1Reason("badshape"));
        Assert.Contains("grade_id", Q1Reason("badshape"));
        Assert.DoesNotContain(Student("badshape").Questions.SelectMany(q => q.Notes), n => n.Contains("grader failed"));
    }

    [Fact]
    public void A_folder_linked_to_the_source_earns_nothing_and_a_link_loop_does_not_stop_the_run()
    {
        Assert.Equal(0, Student("linkedfolder").Score);
        Assert.Contains(Student("linkedfolder").Questions.SelectMany(q => q.Notes), n => n.Contains("symbolic link"));
        Assert.Equal(7, Student("linkloop").Score);
    }

    [Fact]
    public void Malformed_json_scores_zero_for_that_notebook_only()
    {
        AssertScores("malformed", 0);
        Assert.Contains("could not be read", Q1Reason("malformed"));
    }

    [Fact]
    public void Edited_deleted_and_reordered_tests_are_restored_from_the_source()
    {
        Assert.Equal(7, Student("shuffled").Score);
        Assert.Empty(Student("shuffled").Questions.SelectMany(q => q.Notes));
    }

    [Fact]
    public void Retyped_solution_cell_is_graded_as_code_with_a_note()
    {
        Assert.Equal(7, Student("retyped").Score);
        Assert.Contains(Student("retyped").Questions.SelectMany(q => q.Notes), n => n.Contains("changed to markdown"));
    }

    [Fact]
    public void Another_kernel_language_is_graded_as_csharp_and_says_so()
    {
        AssertScores("fsharp", 0);
        var notes = string.Join("\n", Student("fsharp").Question("q1-squares.ipynb").Notes);
        Assert.Contains("graded as C#", notes);
        Assert.Contains("does not compile", notes); // F# does not compile as C#, so the screen refuses it
    }
}
