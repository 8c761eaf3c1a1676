using System.Diagnostics;
using DlCourse.Cli.Grading;

namespace DlCourse.Benchmarks;

/// <summary>Small submissions graded per minute: a one-notebook course (3 tests, 1 hidden), N correct students, -j J, real sandboxed workers.</summary>
/// <remarks>Whole worker processes are timed, so this is a plain program rather than a BenchmarkDotNet class.</remarks>
public static class GradingThroughput
{
    public static async Task RunAsync(int submissions = 20, int jobs = 2)
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
            var options = new GradeOptions(source, Path.Combine(root, "submissions"), Path.Combine(root, "out"), Jobs: jobs, CellTimeoutSeconds: 30);
            var clock = Stopwatch.StartNew();
            var results = await new Grader(new RunnerExecutor(), options).GradeAllAsync();
            var seconds = clock.Elapsed.TotalSeconds;
            var full = results.Count(r => r.Score == r.MaxScore);
            if (full != submissions) throw new InvalidOperationException($"only {full} of {submissions} correct submissions got full marks");
            var notes = results.SelectMany(r => r.Notes).Distinct().ToList();
            Console.WriteLine($"Grading throughput: {submissions} small submissions (1 notebook, 3 tests) with -j {jobs} on {Environment.ProcessorCount} cores");
            Console.WriteLine($"  wall time {seconds:0.0} s = {submissions / seconds * 60:0.0} submissions per minute ({seconds / submissions * jobs:0.00} s per submission per worker)");
            Console.WriteLine($"  sandbox: {(notes.Count == 0 ? "network, PID and mount namespaces, own uid, rlimits" : string.Join("; ", notes))}");
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
