using System.Text.Json.Nodes;
using DlCourse.Cli.Commands;
using DlCourse.Tests.Support;

namespace DlCourse.Tests.Notebooks;

/// <summary>Every course notebook, executed by dotnet-repl 0.3.259 (pinned in .config/dotnet-tools.json), once per test run.</summary>
public sealed class ReplCourse
{
    private static readonly Lazy<ReplCourse> shared = new(() => new ReplCourse(), LazyThreadSafetyMode.ExecutionAndPublication);

    public static ReplCourse Shared => shared.Value;

    private ReplCourse()
    {
        OutDir = Repository.TempFolder("repl");
        var notebooks = NotebookPaths.Expand([Repository.Notebooks]);
        Parallel.ForEach(notebooks, new ParallelOptions { MaxDegreeOfParallelism = 2 }, path =>
        {
            var output = Path.Combine(OutDir, path.Relative);
            Directory.CreateDirectory(Path.GetDirectoryName(output)!);
            // Started in the notebook's folder, as VS Code starts its kernel: #load "../course.csx" resolves from there.
            var (code, log) = Repository.Run("dotnet", ["tool", "run", "dotnet-repl", "--", "--run", path.Source, "--exit-after-run", "--output-path", output],
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
    public void DotnetRepl_and_dlcourse_run_give_each_cell_the_same_outcome_and_output_kinds(string notebook)
    {
        var repl = ReplCourse.Shared;
        var replCopy = Path.Combine(repl.OutDir, notebook);
        Assert.True(File.Exists(replCopy), $"dotnet-repl wrote no notebook: {repl.Logs[notebook]}");
        var ours = CodeCells(Path.Combine(ExecutedCourse.Shared.OutDir, notebook));
        var theirs = CodeCells(replCopy);

        Assert.Equal(ours.Count, theirs.Count);
        for (var i = 0; i < ours.Count; i++)
            Assert.True(ours[i] == theirs[i], $"{notebook}, code cell {i + 1}: dlcourse run gave {ours[i]}, dotnet-repl gave {theirs[i]}");
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
