using System.Text.RegularExpressions;
using DlCourse.Cli.Grading;
using DlCourse.Cli.Grading.Results;
using DlCourse.Cli.Notebooks;
using DlCourse.Tests.Support;
using Xunit.Abstractions;

namespace DlCourse.Tests.Grading;

/// <summary>
/// The honest solutions of <c>Fixtures/honest/</c>: one folder per student, one <c>aNqM.csx</c> per question (the text of
/// cell <c>aNqM-impl</c>), and <c>controls/</c>, plausible wrong answers whose first line names the test they must fail.
/// </summary>
public static class HonestSolutions
{
    public static string Folder => Path.Combine(AppContext.BaseDirectory, "Grading", "Fixtures", "honest");

    public const string Controls = "controls";

    public static IEnumerable<(string Student, string Question, string Code)> All() =>
        Directory.EnumerateDirectories(Folder).Order(StringComparer.Ordinal)
            .SelectMany(d => Directory.EnumerateFiles(d, "*.csx").Order(StringComparer.Ordinal)
                .Select(f => (Path.GetFileName(d), Path.GetFileNameWithoutExtension(f), File.ReadAllText(f))));

    /// <summary>The course notebook (relative to notebooks/) that holds question <paramref name="question"/> ("a1q2").</summary>
    public static string NotebookOf(string question)
    {
        var m = Regex.Match(question, "^(a[0-9]+)(q[0-9]+)$");
        var folder = Directory.EnumerateDirectories(Repository.Notebooks, m.Groups[1].Value + "-*").Single();
        var notebook = Directory.EnumerateFiles(folder, m.Groups[2].Value + "-*.ipynb").Single();
        return Path.GetRelativePath(Repository.Notebooks, notebook);
    }

    /// <summary>The released notebook of <paramref name="question"/> with the student's code in its solution cell.</summary>
    public static Notebook Submission(string question, string code, bool keepMarkers = false)
    {
        var relative = NotebookOf(question);
        var released = Releaser.Release(Notebook.Load(Path.Combine(Repository.Notebooks, relative)), relative, keepMarkers);
        released.Cells.Single(c => GradingCell.Of(c).GradeId == question + "-impl").Source = code;
        return released;
    }

    /// <summary>The test a control must fail, from its first line (<c>// targets: a1q2-single-sample</c>).</summary>
    public static string Target(string code) => Regex.Match(code, @"^// targets: (\S+)").Groups[1].Value;
}

/// <summary>Every student's notebooks graded once, for real (sandboxed workers, <c>Jobs: 2</c>), with the elapsed time.</summary>
public sealed class HonestClass
{
    public string Root { get; } = Repository.TempFolder("honest-suite");
    public Dictionary<string, SubmissionResult> Results { get; }
    public TimeSpan Elapsed { get; }

    public HonestClass()
    {
        var submissions = Path.Combine(Root, "submissions");
        foreach (var (student, question, code) in HonestSolutions.All())
            HonestSolutions.Submission(question, code).Save(Path.Combine(submissions, student, HonestSolutions.NotebookOf(question)));
        // Only the notebooks a student submitted run; the rest of the course scores 0 as "not found" without a worker.
        var options = new GradeOptions(Repository.Notebooks, submissions, Path.Combine(Root, "out"), Jobs: 2, CellTimeoutSeconds: 120,
            Written: WrittenGrading.Manual);
        var clock = System.Diagnostics.Stopwatch.StartNew();
        Results = new Grader(new RunnerExecutor(), options).GradeAllAsync().GetAwaiter().GetResult().ToDictionary(r => r.Student);
        Elapsed = clock.Elapsed;
    }
}

/// <summary>
/// Correct answers in the ordinary styles students write (helpers outside the method, top-level loops and prints,
/// <c>using static</c>, spans, LINQ or loops, C# 12–14 syntax, <c>display(…)</c>, local functions, records and tuples,
/// <c>#region</c>, <c>Debug.Assert</c>, <c>[MethodImpl]</c>, <c>Environment.NewLine</c>) earn every code point of A1–A3;
/// plausible mistakes (a sign error, an unstable softmax, a missing 1/n, an off-by-one, no bias term, an unscaled
/// penalty) fail the test they target. Self-check, driven on a pack's layout, gives the same verdicts on visible tests.
/// </summary>
public class HonestStudentSuiteTests(HonestClass honest, ITestOutputHelper output) : IClassFixture<HonestClass>
{
    [Fact]
    public void The_suite_holds_forty_honest_solutions_and_five_controls()
    {
        var all = HonestSolutions.All().ToList();
        Assert.True(all.Count(s => s.Student != HonestSolutions.Controls) >= 40);
        Assert.True(all.Count(s => s.Student == HonestSolutions.Controls) >= 5);
        Assert.All(all.Where(s => s.Student == HonestSolutions.Controls), s => Assert.StartsWith(s.Question + "-", HonestSolutions.Target(s.Code)));
        output.WriteLine($"graded {honest.Results.Count} students, {all.Count} notebooks, in {honest.Elapsed.TotalSeconds:F0} s");
    }

    [Fact]
    public void Every_honest_notebook_earns_full_code_points()
    {
        output.WriteLine($"graded in {honest.Elapsed.TotalSeconds:F0} s");
        var failures = new List<string>();
        foreach (var (student, question, _) in HonestSolutions.All().Where(s => s.Student != HonestSolutions.Controls))
        {
            var result = honest.Results[student].Question(Path.GetFileName(HonestSolutions.NotebookOf(question)));
            if (result.Tests.All(t => t.Passed) && result.Score == result.MaxScore && result.Notes.Count == 0) continue;
            failures.Add($"{student}/{question}: {result.Score}/{result.MaxScore}\n  " + string.Join("\n  ",
                result.Tests.Where(t => !t.Passed).Select(t => $"{t.GradeId}: {Short(t.Output)}").Concat(result.Notes)));
        }
        Assert.True(failures.Count == 0, string.Join("\n", failures));
    }

    [Fact]
    public void Every_control_scores_zero_on_the_test_it_targets()
    {
        foreach (var (_, question, code) in HonestSolutions.All().Where(s => s.Student == HonestSolutions.Controls))
        {
            var result = honest.Results[HonestSolutions.Controls].Question(Path.GetFileName(HonestSolutions.NotebookOf(question)));
            var target = result.Tests.Single(t => t.GradeId == HonestSolutions.Target(code));
            Assert.True(!target.Passed && target.Score == 0, $"{question}: {target.GradeId} scored {target.Score}: {Short(target.Output)}");
            Assert.DoesNotContain(result.Notes, n => n.Contains("was not run")); // it ran, and failed on its answer
        }
    }

    // Self-check on a pack's layout: the marker, the pristine released copies under .dlcourse/released with the loader
    // beside them, the student's notebook at its place. The loader points at the course's own build of the library
    // (building the pack's library is StudentPackTests' business), so this checks self-check's grading, not the pack.
    [Theory]
    [InlineData("ada", "a1q7", true)]
    [InlineData("dev", "a2q2", true)]
    [InlineData("cho", "a3q1", true)]
    [InlineData(HonestSolutions.Controls, "a1q2", false)]
    public async Task Self_check_gives_the_graders_verdict_on_the_visible_tests(string student, string question, bool passes)
    {
        var code = File.ReadAllText(Path.Combine(HonestSolutions.Folder, student, question + ".csx"));
        var pack = Path.Combine(honest.Root, "pack-" + student + "-" + question);
        var relative = HonestSolutions.NotebookOf(question);
        var released = Path.Combine(pack, SelfCheck.ReleasedFolder);
        var loader = File.ReadAllText(Path.Combine(Repository.Notebooks, "course.csx"))
            .Replace("\"../../artifacts/lib/", $"\"{Path.Combine(Repository.Root, "artifacts", "lib")}/", StringComparison.Ordinal);
        Directory.CreateDirectory(released);
        File.WriteAllText(Path.Combine(released, "course.csx"), loader);
        Releaser.Release(Notebook.Load(Path.Combine(Repository.Notebooks, relative)), relative, keepMarkers: true).Save(Path.Combine(released, relative));
        File.WriteAllText(Path.Combine(pack, StudentPack.Marker), "a test's pack layout\n");
        var mine = Path.Combine(pack, relative);
        HonestSolutions.Submission(question, code).Save(mine);

        var checkedResult = await SelfCheck.RunAsync(mine, cellTimeoutSeconds: 120);

        Assert.All(checkedResult.Tests, t => Assert.False(t.Hidden));
        var graded = honest.Results[student].Question(Path.GetFileName(relative)).Tests.Where(t => !t.Hidden).ToDictionary(t => t.GradeId, t => t.Passed);
        Assert.Equal(graded, checkedResult.Tests.ToDictionary(t => t.GradeId, t => t.Passed));
        Assert.True(checkedResult.Tests.All(t => t.Passed) == passes,
            string.Join("\n", checkedResult.Tests.Select(t => $"{t.GradeId}: {t.Passed} {Short(t.Output)}").Concat(checkedResult.Notes)));
    }

    private static string Short(string s) => s.Length <= 600 ? s : s[..600] + "…";
}
