using System.Text.Json.Nodes;
using DlCourse.Cli.Commands;
using DlCourse.Cli.Notebooks;
using DlCourse.Cli.Running;
using DlCourse.Tests.Support;

namespace DlCourse.Tests.Notebooks;

/// <summary>Executes every notebook under notebooks/ once per test run, with the fast profile, the way the Quick start does.</summary>
/// <remarks>Shared by every test that needs executed course notebooks (these, the export tests), so the course runs once.</remarks>
public sealed class ExecutedCourse
{
    private static readonly Lazy<ExecutedCourse> shared = new(() => new ExecutedCourse(), LazyThreadSafetyMode.ExecutionAndPublication);

    public static ExecutedCourse Shared => shared.Value;

    private ExecutedCourse()
    {
        OutDir = Repository.TempFolder("course");
        // 10 minutes: A4 Q3's training cell takes about a minute alone, and over 300 s on 2 cores shared with the rest of the suite.
        var options = new RunOptions { Profile = "fast", CellTimeout = TimeSpan.FromMinutes(10) };
        ExitCode = RunCommand.RunAsync([Repository.Notebooks], OutDir, jobs: 2, options, default).GetAwaiter().GetResult();
        var summary = JsonNode.Parse(File.ReadAllText(Path.Combine(OutDir, "run.json")))!;
        Results = summary["notebooks"]!.AsArray().ToDictionary(n => (string)n!["notebook"]!, n => n!);
    }

    public string OutDir { get; }

    public int ExitCode { get; }

    public IReadOnlyDictionary<string, JsonNode> Results { get; }
}

public class CourseNotebookTests
{
    private readonly ExecutedCourse course = ExecutedCourse.Shared;

    public static TheoryData<string> AllNotebooks()
    {
        var data = new TheoryData<string>();
        foreach (var path in NotebookPaths.Expand([Repository.Notebooks])) data.Add(path.Relative.Replace('\\', '/'));
        return data;
    }

    [Theory]
    [MemberData(nameof(AllNotebooks))]
    public void Runs_end_to_end_without_errors(string notebook)
    {
        var result = course.Results[notebook];
        Assert.True((bool)result["succeeded"]!, $"{notebook}: {(string?)result["problem"]}");
    }

    [Theory]
    [MemberData(nameof(AllNotebooks))]
    public void Executed_copy_is_valid_nbformat(string notebook)
    {
        var executed = Path.Combine(course.OutDir, notebook);
        Assert.Null(Repository.NbformatErrors(executed));
        Assert.Empty(NotebookValidator.Validate(Notebook.Load(executed), null, allowOutputs: true));
    }

    [Theory]
    [MemberData(nameof(AllNotebooks))]
    public void Source_is_clean_and_imports_the_library_through_course_csx(string notebook)
    {
        var path = Path.Combine(Repository.Notebooks, notebook);
        var source = Notebook.Load(path);
        Assert.Empty(NotebookValidator.Validate(source, Path.GetDirectoryName(path)));
        var first = source.Cells.First(c => c.Kind == CellKind.Code).Source;
        Assert.StartsWith("#!import \"../course.csx\"", first);
    }

    [Theory]
    [MemberData(nameof(AllNotebooks))]
    public void No_cell_displays_a_stray_null(string notebook)
    {
        // The kernel shows <null> after a cell whose loop declares a local function: nothing a student should see.
        var cells = Notebook.Load(Path.Combine(course.OutDir, notebook)).Cells.Select((c, i) => (Cell: c, Index: i));
        var stray = cells.Where(c => c.Cell.Outputs.Any(o => Html(o!["data"]?["text/html"]).Contains("<pre>&lt;null&gt;</pre>"))).Select(c => c.Index);
        Assert.Empty(stray);
    }

    private static string Html(JsonNode? html) => html is JsonArray lines ? string.Concat(lines.Select(l => (string?)l)) : (string?)html ?? "";

    [Fact]
    public void The_whole_run_succeeds() => Assert.Equal(0, course.ExitCode);
}
