using System.Text.Json.Nodes;
using DlCourse.Cli.Notebooks;
using DlCourse.Cli.Running;
using DlCourse.Tests.Support;

namespace DlCourse.Tests.Runner;

public class NotebookRunnerTests
{
    private static readonly RunOptions Quick = new() { CellTimeout = TimeSpan.FromSeconds(60) };

    private static Task<NotebookRun> Run(RunOptions options, params string[] cells) =>
        NotebookRunner.RunAsync(TestNotebook.Create(cells), sourcePath: null, options with { WorkingDirectory = Path.GetTempPath() });

    [Fact]
    public async Task State_output_display_and_errors_come_back_in_the_layout_VS_Code_writes()
    {
        var run = await Run(Quick,
            "md:# A title",
            "var x = 40;",
            "x + 2",
            "Console.WriteLine($\"x is {x}\"); display(\"shown\");",
            "throw new DivideByZeroException();",
            "x * 2");

        var cells = run.Executed.Cells;
        Assert.False(run.Executed.Json["cells"]![0]!.AsObject().ContainsKey("outputs"));
        Assert.Equal("display_data", (string?)cells[2].Outputs.Single()!["output_type"]);
        Assert.Contains("<pre>42</pre>", TestNotebook.OutputText(cells[2]));

        var printed = cells[3].Outputs;
        Assert.Equal("stream", (string?)printed[0]!["output_type"]);
        Assert.Equal("stdout", (string?)printed[0]!["name"]);
        Assert.Contains("x is 40", TestNotebook.OutputText(cells[3]));
        Assert.Equal("shown", (string?)printed[1]!["data"]!["text/plain"]![0]);

        var error = cells[4].Outputs.Single()!;
        Assert.Equal("error", (string?)error["output_type"]);
        Assert.Equal("DivideByZeroException", (string?)error["ename"]);

        // A failing cell does not stop the ones after it: the grader relies on that.
        Assert.Contains("<pre>80</pre>", TestNotebook.OutputText(cells[5]));
        Assert.Equal([CellStatus.Succeeded, CellStatus.Succeeded, CellStatus.Succeeded, CellStatus.Failed, CellStatus.Succeeded],
            run.Cells.Select(c => c.Status));
        Assert.Equal([1, 2, 3, 4, 5], run.Executed.Cells.Skip(1).Select(c => c.ExecutionCount ?? 0));
        Assert.Equal("cell 5: DivideByZeroException: Attempted to divide by zero.", run.Describe());
    }

    [Fact]
    public async Task Cells_compile_at_the_kernels_own_language_version_CSharp_14()
    {
        var run = await Run(Quick,
            "double[] y = [1.5, 2.5];",                                         // C# 12 collection expression
            "public class Scaled(double factor) { public double Of(double x) => factor * x; }", // C# 12 primary constructor
            "public class Positive { public double Value { get; set => field = Math.Max(0, value); } }", // C# 14 field keyword
            "var p = new Positive { Value = -3 }; Console.WriteLine($\"{new Scaled(2).Of(y[1])} {p.Value} {y.Length}\");");

        Assert.All(run.Cells, c => Assert.Equal(CellStatus.Succeeded, c.Status));
        Assert.Contains("5 0 2", TestNotebook.OutputText(run.Executed.Cells[3]));
    }

    [Fact]
    public async Task Compile_errors_are_reported_with_their_diagnostic()
    {
        var run = await Run(Quick, "int x = \"text\";");
        var error = run.Executed.Cells[0].Outputs.Single()!;
        Assert.Contains("CS0029", (string?)error["evalue"]);
        Assert.Equal(CellStatus.Failed, run.Cells[0].Status);
    }

    [Fact]
    public async Task A_kernel_that_exits_is_reported_and_later_cells_are_not_run()
    {
        var run = await Run(Quick, "Console.WriteLine(\"before\");", "Environment.Exit(3);", "1");

        Assert.Equal([CellStatus.Succeeded, CellStatus.KernelDied, CellStatus.NotRun], run.Cells.Select(c => c.Status));
        Assert.Contains("exited with code 3", TestNotebook.OutputText(run.Executed.Cells[1]));
    }

    [Fact]
    public async Task Runaway_output_is_capped()
    {
        var run = await Run(Quick with { MaxOutputCharsPerCell = 20_000 }, "for (var i = 0; i < 100_000; i++) Console.WriteLine(i);");
        var text = TestNotebook.OutputText(run.Executed.Cells[0]);
        Assert.InRange(text.Length, 1_000, 40_000);
        Assert.Contains("output truncated after 20,000 characters", text);
    }

    [Fact]
    public async Task Every_output_kind_is_capped_while_it_streams_and_the_first_error_is_kept_short()
    {
        const int cap = 200_000;
        var run = await Run(Quick with { MaxOutputCharsPerCell = cap },
            "display(new string('d', 3_000_000));",                                      // one display value, far past the cap
            "Console.Write(new string('s', 5_000_000));",                                 // stream text with no newline
            "for (var i = 0; i < 40; i++) display(new string('m', 20_000));",           // many displays, each under the cap
            "throw new InvalidOperationException(new string('e', 5_000_000));",          // an error message
            "Console.OpenStandardOutput().Write(new byte[20_000_000]);",                  // raw bytes, no newline, at fd 1
            "Console.WriteLine(\"still running\");");

        Assert.Equal([CellStatus.Succeeded, CellStatus.Succeeded, CellStatus.Succeeded, CellStatus.Failed, CellStatus.Succeeded, CellStatus.Succeeded],
            run.Cells.Select(c => c.Status));
        foreach (var cell in run.Executed.Cells)
            Assert.InRange(cell.Outputs.OfType<JsonObject>().Sum(CellOutputs.Size), 0, cap + CellOutputCollector.MaxErrorChars + 1_000);
        // The worker cuts what it sends (a display too large becomes a note); the runner caps whatever arrives.
        Assert.Contains("characters was left out", TestNotebook.OutputText(run.Executed.Cells[0]));
        foreach (var i in new[] { 1, 2 })
            Assert.Contains("output truncated after 200,000 characters", TestNotebook.OutputText(run.Executed.Cells[i]));
        Assert.StartsWith("sss", MultilineText.Read(run.Executed.Cells[1].Outputs[0]!["text"]));
        var error = run.Executed.Cells[3].Outputs.OfType<JsonObject>().Single(o => (string?)o["output_type"] == "error");
        Assert.Equal("InvalidOperationException", (string?)error["ename"]);
        Assert.Contains("still running", TestNotebook.OutputText(run.Executed.Cells[5]));
    }

    [Fact]
    public void A_display_update_counts_against_the_cap_by_how_much_it_grows()
    {
        var cell = TestNotebook.Create("1").Cells[0];
        var outputs = new CellOutputCollector(cell, maxChars: 10_000);
        outputs.Add(CellOutputs.DisplayData([new("text/plain", "a")]), "shown");
        outputs.Update("shown", CellOutputs.DisplayData([new("text/plain", new string('u', 5_000))]));
        outputs.Update("shown", CellOutputs.DisplayData([new("text/plain", new string('v', 50_000))]));
        outputs.Flush();

        Assert.Contains(new string('u', 5_000), TestNotebook.OutputText(cell));
        Assert.DoesNotContain("vvvv", TestNotebook.OutputText(cell));
        Assert.Contains("output truncated after 10,000 characters", TestNotebook.OutputText(cell));
    }

    [Fact]
    public async Task Code_left_running_cannot_read_the_next_cell_nor_answer_for_it()
    {
        // Run without the grader's screen, which would refuse threads and Console.OpenStandard*: the channel itself holds.
        var run = await Run(Quick with { CellTimeout = TimeSpan.FromSeconds(30) },
            """
            var stolen = new System.Text.StringBuilder();
            var thief = new System.Threading.Thread(() =>
            {
                var stdin = Console.OpenStandardInput();
                var buffer = new byte[4096];
                int n;
                while ((n = stdin.Read(buffer, 0, buffer.Length)) > 0) lock (stolen) stolen.Append(System.Text.Encoding.UTF8.GetString(buffer, 0, n));
                lock (stolen) stolen.Append("<end of stdin>");
            }) { IsBackground = true };
            thief.Start();
            var raw = Console.OpenStandardOutput();
            raw.Write(System.Text.Encoding.UTF8.GetBytes("{\"kind\":\"done\",\"cell\":1,\"ok\":true}\n"));
            raw.Flush();
            System.Threading.Thread.Sleep(500);
            """,
            "// SECRET-NEXT-CELL\nthrow new InvalidOperationException(\"the hidden test ran\");",
            "lock (stolen) Console.WriteLine($\"stolen: [{stolen}]\");");

        Assert.Equal([CellStatus.Succeeded, CellStatus.Failed, CellStatus.Succeeded], run.Cells.Select(c => c.Status));
        Assert.Contains("the hidden test ran", TestNotebook.OutputText(run.Executed.Cells[1]));
        Assert.Contains("stolen: [<end of stdin>]", TestNotebook.OutputText(run.Executed.Cells[2]));
        Assert.DoesNotContain("SECRET", TestNotebook.OutputText(run.Executed.Cells[2]));
    }

    [Fact]
    public async Task A_worker_without_the_callers_environment_sees_only_what_it_is_given()
    {
        Environment.SetEnvironmentVariable("DLCOURSE_TEST_GRADER_SECRET", "s3cret");
        var run = await Run(Quick with { InheritEnvironment = false, Environment = new Dictionary<string, string> { ["GIVEN"] = "yes" } },
            "Console.WriteLine($\"{Environment.GetEnvironmentVariable(\"DLCOURSE_TEST_GRADER_SECRET\") ?? \"none\"} {Environment.GetEnvironmentVariable(\"GIVEN\")} {Environment.GetEnvironmentVariable(\"DLCOURSE_PROFILE\")}\");");
        Assert.True(run.Succeeded, run.Describe());
        Assert.Contains("none yes fast", TestNotebook.OutputText(run.Executed.Cells[0]));
    }

    [Fact]
    public async Task Other_kernel_languages_get_a_clear_error()
    {
        var notebook = TestNotebook.Create("let x = 1");
        notebook.Cells[0].Metadata["polyglot_notebook"]!["kernelName"] = "fsharp";
        var run = await NotebookRunner.RunAsync(notebook, null, Quick);
        Assert.Contains("DlCourse runs C# cells only", TestNotebook.OutputText(run.Executed.Cells[0]));
    }

    [Fact]
    public async Task Nuget_packages_restore_offline_and_their_kernel_extensions_load()
    {
        var run = await Run(Quick with { CellTimeout = TimeSpan.FromMinutes(3) },
            "#r \"nuget: Plotly.NET.Interactive, 6.0.0\"",
            "Plotly.NET.Chart.Invisible()");

        Assert.True(run.Succeeded, run.Describe());
        Assert.Contains("Loaded kernel extension", TestNotebook.OutputText(run.Executed.Cells[0]));
        // The extension's formatter, not the default object formatter, drew the chart.
        Assert.Contains("Plotly chart will be drawn", TestNotebook.OutputText(run.Executed.Cells[1]));
    }

    [Fact]
    public async Task The_course_library_loads_and_charts_display_as_plotly_json()
    {
        var run = await NotebookRunner.RunAsync(
            TestNotebook.Create(
                "#!import \"../course.csx\"",
                // Unqualified: the usings of the imported course.csx reach the cells after it.
                "Charts.Lines(\"t\", \"x\", \"y\", new[] { new Series(\"a\", new double[] { 1, 2 }, new double[] { 3, 4 }) })"),
            Path.Combine(Repository.Notebooks, "a1-loss-functions", "probe.ipynb"),
            Quick);

        Assert.True(run.Succeeded, run.Describe());
        Assert.Contains("DlCourse ready: profile fast", TestNotebook.OutputText(run.Executed.Cells[0]));
        var figure = run.Executed.Cells[1].Outputs.Single()!["data"]!["application/vnd.plotly.v1+json"]!;
        Assert.Equal("scatter", (string?)figure["data"]![0]!["type"]);
        Assert.Equal(4.0, (double)figure["data"]![0]!["y"]![1]!);
    }

    [Fact]
    public async Task Adding_Plotly_NET_Interactive_after_the_library_keeps_one_Plotly_NET_and_working_charts()
    {
        // What a student adding Plotly gets: before SharedAssemblies, a second Plotly.NET from the NuGet cache made every
        // chart helper throw MissingMethodException.
        var run = await NotebookRunner.RunAsync(
            TestNotebook.Create(
                "#!import \"../course.csx\"",
                "#r \"nuget: Plotly.NET.Interactive, 6.0.0\"",
                "DlCourse.Plotting.Charts.Lines(\"t\", \"x\", \"y\", new[] { new DlCourse.Plotting.Series(\"a\", new double[] { 1, 2 }, new double[] { 3, 4 }) })",
                "Console.WriteLine($\"Plotly.NET copies: {AppDomain.CurrentDomain.GetAssemblies().Count(a => a.GetName().Name == \"Plotly.NET\")}\");"),
            Path.Combine(Repository.Notebooks, "a1-loss-functions", "probe.ipynb"),
            Quick with { CellTimeout = TimeSpan.FromMinutes(3) });

        Assert.True(run.Succeeded, run.Describe());
        var chart = TestNotebook.OutputText(run.Executed.Cells[2]);
        Assert.True(chart.Contains("scatter", StringComparison.Ordinal), chart);
        Assert.Contains("Plotly.NET copies: 1", TestNotebook.OutputText(run.Executed.Cells[3]));
    }

    [Fact]
    public async Task A_cell_using_what_a_stopped_cell_set_names_the_stub_above_its_error()
    {
        var run = await NotebookRunner.RunAsync(
            TestNotebook.Create(
                "#!import \"../course.csx\"",
                "double[] NllGradient(double[] theta) => throw new NotImplementedException();",
                "var label = \"kept\";\nvar g = NllGradient([1.0, 2.0]); // fails here, leaving g null",
                "Console.WriteLine(g.Length + label.Length); // the null g is named, not the label that was set",
                "Console.WriteLine(label);",
                "var g = new double[] { 3 }; Console.WriteLine(g.Length);",
                "Console.WriteLine(g[0]);"),
            Path.Combine(Repository.Notebooks, "a1-loss-functions", "probe.ipynb"),
            Quick);

        var dependent = TestNotebook.OutputText(run.Executed.Cells[3]);
        Assert.Contains("Note: this cell uses g from a cell above that stopped early because NllGradient is not implemented yet: implement NllGradient above first.", dependent);
        Assert.Contains("NullReferenceException", dependent); // the cell still runs as written: the note only explains
        Assert.Contains("Note: this cell uses label from a cell above", TestNotebook.OutputText(run.Executed.Cells[4]));
        Assert.Contains("kept", TestNotebook.OutputText(run.Executed.Cells[4]));
        Assert.DoesNotContain("Note:", TestNotebook.OutputText(run.Executed.Cells[5])); // declares its own g
        Assert.DoesNotContain("Note:", TestNotebook.OutputText(run.Executed.Cells[6])); // computed again, by a cell that succeeded
    }

    [Theory]
    [InlineData("var (a, b) = (1, 2);\nint c = 3; // d = 4\nfor (int i = 0; i < 2; i++) { var inner = i; }\nFunc<int, int> f = x => { var y = x; return y; };\ns = \"e = 5\";",
        "a b c f s", "Console")]
    [InlineData("if (x == 1 && y >= 2 && z != 3) w += 1;\nvar p = q => q;", "p", "x y z w q")]
    public void Names_reads_top_level_assignments_and_uses_without_comments_or_strings(string code, string assigned, string used)
    {
        var names = UpstreamFailuresNames(code);
        Assert.Equal(assigned.Split(' '), names.Assigned);
        Assert.All(used.Split(' ').Where(u => u != "Console"), u => Assert.Contains(u, names.Used));
        Assert.DoesNotContain("d", names.Used);
        Assert.DoesNotContain("e", names.Used);
    }

    private static (IReadOnlyList<string> Used, IReadOnlyList<string> Assigned) UpstreamFailuresNames(string code) =>
        DlCourse.Hosting.UpstreamFailures.Names(code);

    [Fact]
    public async Task The_profile_option_reaches_the_notebook()
    {
        var run = await Run(Quick with { Profile = "full" }, "Environment.GetEnvironmentVariable(\"DLCOURSE_PROFILE\")");
        Assert.Equal("full", (string?)run.Executed.Cells[0].Outputs.Single()!["data"]!["text/plain"]![0]);
    }
}

/// <summary>Runs alone, after the parallel tests, so that the timing it asserts is the runner's and not the machine's load.</summary>
[CollectionDefinition("Watchdog", DisableParallelization = true)]
public class WatchdogCollection;

[Collection("Watchdog")]
public class WatchdogTests
{
    private static readonly RunOptions Quick = new() { CellTimeout = TimeSpan.FromSeconds(60), WorkingDirectory = Path.GetTempPath() };

    [Fact]
    public async Task A_cell_that_loops_forever_is_killed_within_timeout_plus_two_seconds()
    {
        var timeout = TimeSpan.FromSeconds(3);
        var run = await NotebookRunner.RunAsync(TestNotebook.Create("var i = 0;", "while (true) { i++; }", "i"), null, Quick with { CellTimeout = timeout });

        Assert.Equal([CellStatus.Succeeded, CellStatus.TimedOut, CellStatus.NotRun], run.Cells.Select(c => c.Status));
        Assert.InRange(run.Cells[1].Duration, timeout, timeout + TimeSpan.FromSeconds(2));
        Assert.Contains("timed out after 3 s", TestNotebook.OutputText(run.Executed.Cells[1]));
        Assert.Null(run.Executed.Cells[2].ExecutionCount);
    }
}
