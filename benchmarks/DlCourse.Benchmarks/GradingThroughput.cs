using System.Diagnostics;
using DlCourse.Cli.Grading;

namespace DlCourse.Benchmarks;

/// <summary>Small submissions graded per minute: a one-notebook course (3 tests, 1 hidden), N correct students, -j J, real sandboxed workers.</summary>
/// <remarks>Whole worker processes are timed, so this is a plain program rather than a BenchmarkDotNet class.</remarks>
public static class GradingThroughput
{
    public static async Task RunAsync(int submissions = 20, int jobs = 2, int rounds = 3)
    {
        var root = Directory.CreateTempSubdirectory("dlcourse-grading-bench-").FullName;
        if (!OperatingSystem.IsWindows()) File.SetUnixFileMode(root, (UnixFileMode)0b111_101_101); // the sandboxed worker runs as another user
        try
        {
            var source = Path.Combine(root, "source");
            Directory.CreateDirectory(source);
            File.WriteAllText(Path.Combine(source, "q1-dot.ipynb"), Notebook(SolutionSource));
            for (var i = 0; i < submissions; i++)
            {
                var folder = Path.Combine(root, "submissions", $"student{i:D3}");
                Directory.CreateDirectory(folder);
                File.WriteAllText(Path.Combine(folder, "q1-dot.ipynb"), Notebook(StudentSource(i)));
            }
            // Before and after judging outside the student's process, alternated in one run: judged against the student's own
            // run (what in-process grading cost: no reference run) and against a reference run of the source (one more run per notebook).
            var seconds = new Dictionary<JudgeAgainst, List<double>> { [JudgeAgainst.OwnRun] = [], [JudgeAgainst.ReferenceRun] = [] };
            for (int round = 0; round < rounds; round++)
                foreach (var against in new[] { JudgeAgainst.OwnRun, JudgeAgainst.ReferenceRun })
                {
                    var output = Path.Combine(root, $"out-{against}-{round}");
                    var options = new GradeOptions(source, Path.Combine(root, "submissions"), output, Jobs: jobs, CellTimeoutSeconds: 30, Against: against);
                    var clock = Stopwatch.StartNew();
                    var results = await new Grader(new RunnerExecutor(), options).GradeAllAsync();
                    seconds[against].Add(clock.Elapsed.TotalSeconds);
                    var full = results.Count(r => r.Score == r.MaxScore);
                    if (full != submissions) throw new InvalidOperationException($"only {full} of {submissions} correct submissions got full marks ({against})");
                }
            Console.WriteLine($"Grading throughput: {submissions} small submissions (1 notebook, 3 tests) with -j {jobs} on {Environment.ProcessorCount} cores, {rounds} rounds alternated");
            foreach (var (against, times) in seconds)
            {
                var median = times.Order().ElementAt(times.Count / 2);
                Console.WriteLine($"  judged against {against,-12}: median wall time {median:0.0} s = {submissions / median * 60:0.0} submissions per minute (rounds: {string.Join(", ", times.Select(t => t.ToString("0.0")))})");
            }
            double before = seconds[JudgeAgainst.OwnRun].Order().ElementAt(rounds / 2), after = seconds[JudgeAgainst.ReferenceRun].Order().ElementAt(rounds / 2);
            Console.WriteLine($"  throughput after / before: {before / after:0.000} (the reference run's cost: one more notebook run per grading run)");
        }
        finally
        {
            Directory.Delete(root, recursive: true);
        }
    }

    private const string SolutionSource = "static double Dot(double[] a, double[] b)\n{\n    // BEGIN SOLUTION\n    double s = 0;\n    for (int i = 0; i < a.Length; i++) s += a[i] * b[i];\n    return s;\n    // END SOLUTION\n}";

    // Each student writes it a little differently, so no two submissions are byte-identical.
    private static string StudentSource(int i) => $"static double Dot(double[] a, double[] b) => a.Zip(b, (x, y) => x * y).Sum() + {i} * 0.0;";

    private static string Notebook(string solution)
    {
        static string Cell(string source, string? nbgrader = null, bool hidden = false) =>
            $$"""{"cell_type":"code","execution_count":null,"metadata":{"polyglot_notebook":{"kernelName":"csharp"}{{(nbgrader is null ? "" : $",\"nbgrader\":{nbgrader}")}}{{(hidden ? ",\"dlcourse\":{\"hidden\":true}" : "")}}},"outputs":[],"source":{{System.Text.Json.JsonSerializer.Serialize(source)}}}""";
        static string Test(string id, int points) => $$"""{"grade":true,"solution":false,"locked":true,"grade_id":"{{id}}","points":{{points}},"schema_version":3}""";
        var cells = new[]
        {
            Cell("static void Expect(bool ok, string what) { if (!ok) throw new Exception(what); Console.WriteLine($\"✓ {what}\"); }"),
            Cell(solution, """{"solution":true,"grade":false,"locked":false,"grade_id":"b1-impl","schema_version":3}"""),
            Cell("Expect(Dot(new[] { 1.0, 2 }, new[] { 3.0, 4 }) == 11, \"Dot small\");", Test("b1-small", 1)),
            Cell("Expect(Dot(new double[0], new double[0]) == 0, \"Dot empty\");", Test("b1-empty", 1)),
            Cell("Expect(Dot(new[] { -1.0 }, new[] { 2.0 }) == -2, \"Dot negative\");", Test("b1-negative", 2), hidden: true),
        };
        return $$$"""{"cells":[{{{string.Join(",", cells)}}}],"metadata":{"kernelspec":{"display_name":".NET (C#)","language":"C#","name":".net-csharp"}},"nbformat":4,"nbformat_minor":5}""";
    }
}
