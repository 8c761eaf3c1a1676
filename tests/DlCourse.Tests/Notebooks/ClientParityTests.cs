using System.Diagnostics;
using System.Text.Json.Nodes;
using DlCourse.Cli.Notebooks;
using DlCourse.Tests.Support;
using Xunit.Abstractions;

namespace DlCourse.Tests.Notebooks;

/// <summary>
/// The course notebooks through the real clients students use, once per test run: dotnet-repl 0.3.259, the
/// <c>dotnet-interactive stdio</c> kernel VS Code starts, and Jupyter's nbconvert on the <c>.net-csharp</c> kernel (both
/// dotnet-interactive 1.0.712001; all pinned in .config/dotnet-tools.json). Every notebook runs through dotnet-repl and
/// stdio; Jupyter, the same kernel as stdio behind another transport, runs the representative set, which between them
/// shows every kind of output, unless DLCOURSE_CLIENT_PARITY=all sends all 25 there too (the suite's longest part then
/// takes about 1.5× as long; docs/benchmarks.md, "Client parity cost"). All runs
/// share one pool of two processes, each notebook's clients back to back, each run starting its client once.
/// </summary>
public sealed class ClientCourse
{
    public const string Repl = "dotnet-repl", Stdio = "dotnet-interactive stdio", Jupyter = "jupyter nbconvert";

    /// <summary>One notebook per assignment, between them every output kind (Plotly JSON, HTML, text, streams) and TorchSharp training.</summary>
    public static readonly string[] Representative =
    [
        "a1-loss-functions/q7-stable-softmax.ipynb", "a2-backprop-gradient-descent/q4-logistic-regression-gd.ipynb",
        "a3-linear-classifiers/q4-hyperparameter-search.ipynb", "a4-deep-networks/q5-fine-tuning.ipynb",
    ];

    private static readonly bool all = Environment.GetEnvironmentVariable("DLCOURSE_CLIENT_PARITY") == "all";

    /// <summary>The notebooks <paramref name="client"/> runs in this test run.</summary>
    public static List<string> Selected(string client)
    {
        var notebooks = NotebookPaths.Expand([Repository.Notebooks]).Select(p => p.Relative.Replace('\\', '/')).ToList();
        Assert.All(Representative, n => Assert.Contains(n, notebooks)); // a renamed notebook must not silently shrink the set
        return client == Jupyter && !all ? [.. Representative] : notebooks;
    }

    public static TheoryData<string> ReplNotebooks() => new(Selected(Repl));

    public static TheoryData<string> StdioNotebooks() => new(Selected(Stdio));

    public static TheoryData<string> JupyterNotebooks() => new(Selected(Jupyter));

    private static readonly Lazy<ClientCourse> shared = new(() => new ClientCourse(), LazyThreadSafetyMode.ExecutionAndPublication);

    public static ClientCourse Shared => shared.Value;

    private ClientCourse()
    {
        OutDir = Repository.TempFolder("clients");
        var environment = new Dictionary<string, string> { ["DLCOURSE_PROFILE"] = "fast", ["DOTNET_INTERACTIVE_CLI_TELEMETRY_OPTOUT"] = "1" };
        var paths = NotebookPaths.Expand([Repository.Notebooks]).ToDictionary(p => p.Relative.Replace('\\', '/'));
        var selected = new[] { Repl, Stdio, Jupyter }.Select(c => (Client: c, Notebooks: Selected(c))).ToList();
        var runs = paths.Keys.SelectMany(n => selected.Where(s => s.Notebooks.Contains(n)).Select(s => (s.Client, Notebook: n))).ToList();
        var clock = Stopwatch.StartNew();
        Parallel.ForEachAsync(runs, new ParallelOptions { MaxDegreeOfParallelism = 2 }, async (run, _) =>
        {
            var started = clock.Elapsed;
            ClientRun result;
            try { result = await RunAsync(run.Client, paths[run.Notebook], environment); }
            catch (Exception e) when (e is TimeoutException or IOException or System.Text.Json.JsonException) { result = new([], false, e.Message); }
            lock (Runs) Runs[(run.Client, run.Notebook)] = result with { Seconds = (clock.Elapsed - started).TotalSeconds };
        }).GetAwaiter().GetResult();
        Elapsed = clock.Elapsed;
        // What each run cost, for docs/benchmarks.md ("Client parity cost").
        File.WriteAllLines(Path.Combine(OutDir, "seconds.tsv"), Runs.OrderBy(r => r.Key.Notebook, StringComparer.Ordinal)
            .Select(r => $"{r.Key.Notebook}\t{r.Key.Client}\t{r.Value.Seconds:0.0}").Append($"# {Runs.Count} runs in {Elapsed.TotalSeconds:0} s"));
    }

    private async Task<ClientRun> RunAsync(string client, NotebookPath path, Dictionary<string, string> environment)
    {
        var output = Path.Combine(OutDir, client.Replace(' ', '-'), path.Relative);
        Directory.CreateDirectory(Path.GetDirectoryName(output)!);
        switch (client)
        {
            case Repl:
                // Started in the notebook's folder, as VS Code starts its kernel: #!import "../course.csx" resolves from there.
                var (code, log) = Repository.Run("dotnet", ["tool", "run", "dotnet-repl", "--", "--run", path.Source, "--exit-after-run", "--output-path", output],
                    environment, Path.GetDirectoryName(path.Source));
                return File.Exists(output) ? new(ClientParityTests.CodeCells(output), false) : new([], false, $"exit {code}: {log[^Math.Min(2000, log.Length)..]}");
            case Stdio:
                return new(await InteractiveStdioClient.RunAsync(path.Source, TimeSpan.FromMinutes(5), environment), false);
            default:
                await JupyterClient.RunAsync(path.Source, output, environment, TimeSpan.FromMinutes(10));
                var cells = ClientParityTests.CodeOutputs(output);
                var banner = cells.Count > 0 && cells[0].Count > 0 && JupyterClient.IsKernelBanner(cells[0][0]);
                if (banner) cells[0].RemoveAt(0);
                return new(cells.Select(c => ClientParityTests.Describe(c)).ToList(), banner);
        }
    }

    public string OutDir { get; }

    /// <summary>Per client and notebook: its code cells' output kinds, or why there are none.</summary>
    public Dictionary<(string Client, string Notebook), ClientRun> Runs { get; } = [];

    public TimeSpan Elapsed { get; }
}

/// <summary>One notebook through one client: per code cell its output kinds; whether the kernel's banner came first (Jupyter).</summary>
public sealed record ClientRun(List<string> Cells, bool KernelBanner, string? Problem = null, double Seconds = 0);

/// <summary>The kit's runner and the real clients agree cell by cell: the same cells fail, and each cell shows the same kinds of output.</summary>
public class ClientParityTests(ITestOutputHelper log)
{
    [Theory]
    [MemberData(nameof(ClientCourse.ReplNotebooks), MemberType = typeof(ClientCourse))]
    public void DotnetRepl_and_dlcourse_run_give_each_cell_the_same_outcome_and_output_kinds(string notebook) =>
        AssertSameCells(ClientCourse.Repl, notebook);

    [Theory]
    [MemberData(nameof(ClientCourse.StdioNotebooks), MemberType = typeof(ClientCourse))]
    public void Dotnet_interactive_stdio_and_dlcourse_run_give_each_cell_the_same_outcome_and_output_kinds(string notebook) =>
        AssertSameCells(ClientCourse.Stdio, notebook);

    /// <summary>The expected difference: the kernel's banner, ahead of code cell 1's own outputs, and nowhere else.</summary>
    [Theory]
    [MemberData(nameof(ClientCourse.JupyterNotebooks), MemberType = typeof(ClientCourse))]
    public void Jupyter_and_dlcourse_run_give_each_cell_the_same_outcome_and_output_kinds_after_the_kernel_banner(string notebook)
    {
        var run = AssertSameCells(ClientCourse.Jupyter, notebook);
        Assert.True(run.KernelBanner, $"{notebook}: the .net-csharp kernel's banner was not code cell 1's first output");
    }

    [Fact]
    public void The_kernel_banner_rule_matches_the_known_banner_and_nothing_else()
    {
        var known = File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "Notebooks", "Fixtures", "jupyter-kernel-banner.html"))
            .Replace("{{addresses}}", """["http://127.0.0.1:2049/","http://[::1]:2049/","http://fe80::fc:ff:fe00:1%4:2049/"]""").Replace("{{id}}", "7279");
        JsonNode Display(JsonNode html, string? plain = null) => new JsonObject
        {
            ["output_type"] = "display_data", ["metadata"] = new JsonObject(),
            ["data"] = plain is null ? new JsonObject { ["text/html"] = html } : new JsonObject { ["text/html"] = html, ["text/plain"] = plain },
        };

        Assert.True(JupyterClient.IsKernelBanner(Display(known)));
        // As nbconvert stores it: a list of lines ending in \r\n.
        var lines = known.Split('\n');
        Assert.True(JupyterClient.IsKernelBanner(Display(new JsonArray(lines.Select((l, i) => (JsonNode?)(i < lines.Length - 1 ? l + "\r\n" : l)).ToArray()))));
        Assert.False(JupyterClient.IsKernelBanner(Display(known + "<p>a cell's own output</p>")));
        Assert.False(JupyterClient.IsKernelBanner(Display(known.Replace("loadDotnetInteractiveApi();", "loadSomethingElse();"))));
        Assert.False(JupyterClient.IsKernelBanner(Display(known, "banner")));
        Assert.False(JupyterClient.IsKernelBanner(Display("<div>a table</div>")));
        Assert.False(JupyterClient.IsKernelBanner(JsonNode.Parse("""{"output_type":"stream","name":"stdout","text":"DlCourse ready"}""")));
    }

    /// <summary>Code cell by code cell, the client's output kinds equal dlcourse run's, and no cell failed.</summary>
    private ClientRun AssertSameCells(string client, string notebook)
    {
        var clients = ClientCourse.Shared;
        log.WriteLine($"{clients.Runs.Count} client runs in {clients.Elapsed.TotalSeconds:0} s; this one {clients.Runs[(client, notebook)].Seconds:0.0} s");
        var run = clients.Runs[(client, notebook)];
        Assert.True(run.Problem is null, $"{client} did not finish {notebook}: {run.Problem}");
        var ours = CodeCells(Path.Combine(ExecutedCourse.Shared.OutDir, notebook));
        Assert.Equal(ours.Count, run.Cells.Count);
        for (var i = 0; i < ours.Count; i++)
            Assert.True(ours[i] == run.Cells[i], $"{notebook}, code cell {i + 1}: dlcourse run gave {ours[i]}, {client} gave {run.Cells[i]}");
        Assert.DoesNotContain(run.Cells, c => c.Contains("error", StringComparison.Ordinal));
        return run;
    }

    /// <summary>Per code cell, its outputs.</summary>
    internal static List<List<JsonNode>> CodeOutputs(string path) =>
        JsonNode.Parse(File.ReadAllText(path))!["cells"]!.AsArray()
            .Where(c => (string?)c!["cell_type"] == "code")
            .Select(c => (c!["outputs"]?.AsArray() ?? []).Select(o => o!).ToList())
            .ToList();

    /// <summary>Per code cell, its output kinds (<c>stream</c>, <c>error</c>, or a display's MIME types), sorted and distinct.</summary>
    internal static List<string> CodeCells(string path) => CodeOutputs(path).Select(Describe).ToList();

    /// <summary>One cell's output kinds as one comparable string.</summary>
    internal static string Describe(IEnumerable<JsonNode> outputs) => Describe(outputs.SelectMany(Kinds));

    /// <summary>Output kinds as one comparable string.</summary>
    internal static string Describe(IEnumerable<string> kinds) => string.Join(" ", kinds.Distinct().Order(StringComparer.Ordinal));

    private static IEnumerable<string> Kinds(JsonNode output) => (string?)output["output_type"] switch
    {
        "display_data" or "execute_result" => output["data"]!.AsObject().Select(d => d.Key),
        var kind => [kind ?? "?"],
    };
}
