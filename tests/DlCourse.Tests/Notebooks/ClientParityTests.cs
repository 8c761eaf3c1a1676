using System.Text.Json.Nodes;
using DlCourse.Cli.Commands;
using DlCourse.Tests.Support;

namespace DlCourse.Tests.Notebooks;

/// <summary>Every course notebook, executed once per test run by a real client: dotnet-repl 0.3.259, or Jupyter's nbconvert on
/// the <c>.net-csharp</c> kernel of dotnet-interactive 1.0.712001 (both pinned in .config/dotnet-tools.json).</summary>
public sealed class ClientCourse
{
    private static readonly Lazy<ClientCourse> repl = new(() => new ClientCourse("repl", (source, output) =>
        ["tool", "run", "dotnet-repl", "--", "--run", source, "--exit-after-run", "--output-path", output]));

    private static readonly Lazy<ClientCourse> jupyter = new(() => new ClientCourse("jupyter", (source, output) =>
        ["-m", "nbconvert", "--to", "notebook", "--execute", "--ExecutePreprocessor.kernel_name=.net-csharp",
         "--ExecutePreprocessor.timeout=300", "--ExecutePreprocessor.allow_errors=True", "--output", output, source]));

    public static ClientCourse Repl => repl.Value;

    public static ClientCourse Jupyter => jupyter.Value;

    private ClientCourse(string name, Func<string, string, string[]> arguments)
    {
        OutDir = Repository.TempFolder(name);
        var program = name == "jupyter" ? "/usr/bin/python3" : "dotnet";
        Parallel.ForEach(NotebookPaths.Expand([Repository.Notebooks]), new ParallelOptions { MaxDegreeOfParallelism = 2 }, path =>
        {
            var output = Path.Combine(OutDir, path.Relative);
            Directory.CreateDirectory(Path.GetDirectoryName(output)!);
            // Started in the notebook's folder, as VS Code starts its kernel: #load "../course.csx" resolves from there.
            var (code, log) = Repository.Run(program, arguments(path.Source, output),
                new Dictionary<string, string> { ["DLCOURSE_PROFILE"] = "fast" }, Path.GetDirectoryName(path.Source));
            lock (Logs) Logs[path.Relative.Replace('\\', '/')] = $"exit {code}: {log[^Math.Min(2000, log.Length)..]}";
        });
    }

    public string OutDir { get; }

    public Dictionary<string, string> Logs { get; } = [];
}

/// <summary>The kit's runner and a real client agree cell by cell: the same cells fail, and each cell shows the same kinds of output.</summary>
public class ClientParityTests
{
    [Theory]
    [MemberData(nameof(CourseNotebookTests.AllNotebooks), MemberType = typeof(CourseNotebookTests))]
    public void DotnetRepl_and_dlcourse_run_give_each_cell_the_same_outcome_and_output_kinds(string notebook) =>
        AssertSameAsRunner(ClientCourse.Repl, "dotnet-repl", notebook);

    [Theory]
    [MemberData(nameof(CourseNotebookTests.AllNotebooks), MemberType = typeof(CourseNotebookTests))]
    public void Jupyter_and_dlcourse_run_give_each_cell_the_same_outcome_and_output_kinds(string notebook) =>
        AssertSameAsRunner(ClientCourse.Jupyter, "jupyter nbconvert", notebook);

    private static void AssertSameAsRunner(ClientCourse client, string name, string notebook)
    {
        var copy = Path.Combine(client.OutDir, notebook);
        Assert.True(File.Exists(copy), $"{name} wrote no notebook: {client.Logs[notebook]}");
        var ours = CodeCells(Path.Combine(ExecutedCourse.Shared.OutDir, notebook));
        var theirs = CodeCells(copy);

        Assert.Equal(ours.Count, theirs.Count);
        for (var i = 0; i < ours.Count; i++)
            Assert.True(ours[i] == theirs[i], $"{notebook}, code cell {i + 1}: dlcourse run gave {ours[i]}, {name} gave {theirs[i]}");
        Assert.DoesNotContain(theirs, c => c.Contains("error", StringComparison.Ordinal));
    }

    /// <summary>Per code cell, its output kinds (<c>stream</c>, <c>error</c>, or a display's MIME types), sorted and distinct.</summary>
    private static List<string> CodeCells(string path) =>
        JsonNode.Parse(File.ReadAllText(path))!["cells"]!.AsArray()
            .Where(c => (string?)c!["cell_type"] == "code")
            .Select(c => string.Join(" ", (c!["outputs"]?.AsArray() ?? []).SelectMany(Kinds).Distinct().Order(StringComparer.Ordinal)))
            .ToList();

    private static IEnumerable<string> Kinds(JsonNode? output) => (string?)output!["output_type"] switch
    {
        "display_data" or "execute_result" => output["data"]!.AsObject().Select(d => d.Key),
        var kind => [kind ?? "?"],
    };
}
