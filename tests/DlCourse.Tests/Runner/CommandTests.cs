using DlCourse.Cli.Commands;
using DlCourse.Cli.Running;
using DlCourse.Tests.Support;

namespace DlCourse.Tests.Runner;

public class CommandTests
{
    [Fact]
    public async Task Run_writes_executed_copies_and_a_summary_and_leaves_sources_byte_identical()
    {
        var folder = Repository.TempFolder("run");
        var good = Path.Combine(folder, "in", "a", "good.ipynb");
        var bad = Path.Combine(folder, "in", "bad.ipynb");
        Directory.CreateDirectory(Path.GetDirectoryName(good)!);
        File.WriteAllText(good, TestNotebook.Json("Console.WriteLine(6 * 7);"));
        File.WriteAllText(bad, TestNotebook.Json("throw new Exception(\"nope\");"));
        var goodBefore = File.ReadAllBytes(good);
        var badBefore = File.ReadAllBytes(bad);

        var exit = await RunCommand.RunAsync([Path.Combine(folder, "in")], Path.Combine(folder, "out"), 2, new RunOptions(), default);

        Assert.Equal(1, exit);
        Assert.Equal(goodBefore, File.ReadAllBytes(good));
        Assert.Equal(badBefore, File.ReadAllBytes(bad));
        Assert.Null(Repository.NbformatErrors(Path.Combine(folder, "out", "a", "good.ipynb")));
        Assert.Contains("42", File.ReadAllText(Path.Combine(folder, "out", "a", "good.ipynb")));
        var summary = File.ReadAllText(Path.Combine(folder, "out", "run.json"));
        Assert.Contains("\"problem\": \"cell 1: Exception: nope\"", summary);
    }

    [Fact]
    public async Task Run_rejects_a_malformed_notebook_before_running_anything()
    {
        var folder = Repository.TempFolder("malformed");
        File.WriteAllText(Path.Combine(folder, "broken.ipynb"), "{ \"cells\": [");
        var exit = await RunCommand.RunAsync([folder], Path.Combine(folder, "out"), 1, new RunOptions(), default);
        Assert.Equal(2, exit);
        Assert.False(Directory.Exists(Path.Combine(folder, "out")));
    }

    [Fact]
    public void Run_gives_full_profile_cells_a_longer_limit_unless_timeout_is_given()
    {
        Assert.Equal("full", new RunOptions { Profile = "full" }.EffectiveProfile); // the option wins over the environment
        Assert.Equal(TimeSpan.FromMinutes(10), RunCommand.CellTimeoutFor(null, "fast"));
        Assert.Equal(TimeSpan.FromHours(4), RunCommand.CellTimeoutFor(null, "full"));
        Assert.Equal(TimeSpan.FromSeconds(30), RunCommand.CellTimeoutFor(30, "full"));
    }

    [Fact]
    public void Check_accepts_clean_notebooks_and_rejects_broken_ones()
    {
        var folder = Repository.TempFolder("check");
        TestNotebook.Create("md:# Fine", "1 + 1").Save(Path.Combine(folder, "clean", "fine.ipynb"));
        Assert.Equal(0, CheckCommand.Check([Path.Combine(folder, "clean")], allowOutputs: false));

        File.WriteAllText(Path.Combine(folder, "not-json.ipynb"), "hello");
        Assert.Equal(1, CheckCommand.Check([folder], false));

        var stale = TestNotebook.Create("1");
        stale.Cells[0].Outputs.Add(Cli.Notebooks.CellOutputs.Stream("stdout", "old"));
        File.Delete(Path.Combine(folder, "not-json.ipynb"));
        stale.Save(Path.Combine(folder, "stale.ipynb"));
        Assert.Equal(1, CheckCommand.Check([folder], false));
        Assert.Equal(0, CheckCommand.Check([folder], allowOutputs: true));
        Assert.Equal(2, CheckCommand.Check([Path.Combine(folder, "missing.ipynb")], false)); // bad input, as in every verb
    }

    [Fact]
    public void Validator_names_each_problem()
    {
        var notebook = TestNotebook.Create("#load \"../nowhere.csx\"\n#!import \"../elsewhere.csx\"");
        notebook.Json["metadata"]!["kernelspec"]!["name"] = "python3";
        notebook.Cells[0].Metadata["polyglot_notebook"]!["kernelName"] = "pwsh";

        var problems = Cli.Notebooks.NotebookValidator.Validate(notebook, Path.GetTempPath());

        Assert.Contains(problems, p => p.Contains("kernelspec.name is not \".net-csharp\""));
        Assert.Contains(problems, p => p.StartsWith("cell 1: language is \"pwsh\""));
        Assert.Contains(problems, p => p.StartsWith("cell 1: #load \"../nowhere.csx\" does not exist"));
        Assert.Contains(problems, p => p.StartsWith("cell 1: #!import \"../elsewhere.csx\" does not exist"));
    }

    public static TheoryData<string, string[]> BadInputs() => new()
    {
        { "run", ["run", "/no/such.ipynb", "--out", "/tmp/dlcourse-exit"] },
        { "check", ["check", "/no/such.ipynb"] },
        { "release", ["release", "/no/such-folder", "--out", "/tmp/dlcourse-exit"] },
        { "self-check", ["self-check", "/no/such.ipynb"] },
        { "grade", ["grade", "--source", "/no/such", "--submissions", "/no/such", "--out", "/tmp/dlcourse-exit"] },
        { "review", ["review", "--grades", "/no/such"] },
        { "gradescope", ["gradescope", "--source", "/no/such", "--out", "/tmp/dlcourse-exit.zip"] },
        { "export", ["export", "/no/such.ipynb", "--out", "/tmp/dlcourse-exit"] },
        { "", ["run", "--no-such-option"] },
    };

    [Theory]
    [MemberData(nameof(BadInputs))]
    public void Every_verb_answers_bad_input_with_exit_code_2_and_one_prefixed_line(string verb, string[] arguments)
    {
        var (code, output) = Repository.Run("dotnet", [Path.Combine(AppContext.BaseDirectory, "dlcourse.dll"), .. arguments]);
        Assert.True(code == 2, $"dlcourse {string.Join(' ', arguments)} exited {code}: {output}");
        Assert.StartsWith(verb.Length == 0 ? "dlcourse: " : $"dlcourse {verb}: ", output.TrimStart());
    }
}
