using System.Text.Json.Nodes;
using DlCourse.Cli.Grading;
using DlCourse.Cli.Notebooks;

namespace DlCourse.Tests.Grading;

public class ReleaseTests
{
    private static Notebook Notebook(params JsonObject[] cells) => Cli.Notebooks.Notebook.Parse(new JsonObject
    {
        ["nbformat"] = 4, ["nbformat_minor"] = 4, ["metadata"] = new JsonObject(), ["cells"] = new JsonArray(cells),
    }.ToJsonString(), "test.ipynb");

    private static JsonObject Code(string source, JsonObject? nbgrader = null) => new()
    {
        ["cell_type"] = "code", ["source"] = source, ["execution_count"] = 3,
        ["outputs"] = new JsonArray(new JsonObject { ["output_type"] = "stream", ["name"] = "stdout", ["text"] = "secret output" }),
        ["metadata"] = nbgrader is null ? new JsonObject() : new JsonObject { ["nbgrader"] = nbgrader },
    };

    private static JsonObject Solution(string id) => new() { ["solution"] = true, ["grade"] = false, ["locked"] = false, ["grade_id"] = id, ["schema_version"] = 3 };

    /// <summary>The source's lines split by position: inside a solution region, a hidden test or a model answer, or not.</summary>
    internal static (List<string> Secret, HashSet<string> Public) Split(Notebook source)
    {
        var secret = new List<string>();
        var open = new HashSet<string>(StringComparer.Ordinal);
        foreach (var cell in source.Cells)
        {
            var role = GradingCell.Of(cell);
            var lines = cell.Source.Split('\n');
            if (role.IsHidden || (role.IsSolution && cell.Kind == CellKind.Markdown)) { secret.AddRange(lines); continue; }
            bool inside = false;
            foreach (var line in lines)
            {
                var t = line.Trim();
                if (t == "// BEGIN SOLUTION") inside = true;
                else if (t == "// END SOLUTION") inside = false;
                else if (inside || t.EndsWith("// SOLUTION")) secret.Add(line);
                else open.Add(t);
            }
        }
        return (secret.Select(l => l.Trim()).Where(l => l.Length > 0).ToList(), open);
    }

    private static List<string> SecretLines(Notebook source) => Split(source).Secret;

    [Theory]
    [InlineData(GradingFixture.Q1)]
    [InlineData(GradingFixture.Q2)]
    public void Fixture_release_keeps_no_solution_text_and_no_hidden_test(string relative)
    {
        var source = GradingFixture.LoadFixture(relative);
        var released = Releaser.Release(source, relative);
        var text = released.ToJson();

        var secrets = SecretLines(source);
        Assert.NotEmpty(secrets);
        foreach (var line in secrets) Assert.DoesNotContain(line, text);
        Assert.DoesNotContain("hidden-test-marker", text);
        Assert.DoesNotContain("MODEL ANSWER", text);

        var cells = released.Cells;
        Assert.Equal(source.Cells.Count(c => !GradingCell.Of(c).IsHidden), cells.Count);
        Assert.All(cells.Where(c => c.Kind == CellKind.Code), c => { Assert.Empty(c.Outputs); Assert.Null(c.ExecutionCount); });
        var impl = cells.Single(c => GradingCell.Of(c) is { IsSolution: true } && c.Kind == CellKind.Code);
        Assert.Contains(SolutionRegions.Stub, impl.Source);
        Assert.Equal("csharp", (string?)impl.Metadata["polyglot_notebook"]!["kernelName"]);
        Assert.Equal(source.Metadata.ToJsonString(), released.Metadata.ToJsonString());
        Assert.True(cells.Any(c => GradingCell.Of(c).IsTest), "visible tests stay");
    }

    [Fact]
    public void Course_notebooks_release_without_any_solution_text()
    {
        var notebooks = NotebookPaths.Expand([Support.Repository.Notebooks]).ToList();
        Assert.NotEmpty(notebooks);
        var leaks = new List<string>();
        foreach (var (path, relative) in notebooks)
        {
            var source = Cli.Notebooks.Notebook.Load(path);
            var released = Releaser.Release(source, relative);
            var releasedLines = released.Cells.SelectMany(c => c.Source.Split('\n')).Select(l => l.Trim()).ToHashSet();
            var (secret, publicLines) = Split(source);
            leaks.AddRange(secret.Where(l => releasedLines.Contains(l) && !publicLines.Contains(l)).Select(l => $"{relative}: {l}"));
            Assert.True(source.Cells.Any(c => GradingCell.Of(c) is { IsSolution: true }), $"{relative} has no solution cell");
            Assert.True(source.Cells.Any(c => GradingCell.Of(c) is { IsTest: true, IsHidden: false }), $"{relative} has no visible test");
            Assert.True(source.Cells.Any(c => GradingCell.Of(c) is { IsTest: true, IsHidden: true }), $"{relative} has no hidden test");
            Assert.DoesNotContain(released.Cells, c => GradingCell.Of(c).IsHidden);
        }
        Assert.Empty(leaks);
    }

    [Fact]
    public void Markdown_answer_becomes_placeholder()
    {
        var released = Releaser.Release(GradingFixture.LoadFixture(GradingFixture.Q1), "q1");
        var answer = released.Cells.Single(c => GradingCell.Of(c).GradeId == "f1q1-answer");
        Assert.Equal("YOUR ANSWER HERE", answer.Source);
    }

    [Fact]
    public void Region_becomes_a_stub_at_its_indentation_and_one_line_form_too()
    {
        var cell = Code("static int F(int x)\n{\n    // BEGIN SOLUTION\n    var y = x + 41;\n    return y;\n    // END SOLUTION\n}\nstatic int G() => 7; // SOLUTION\n", Solution("t-impl"));
        var released = Releaser.Release(Notebook(cell), "t.ipynb");
        Assert.Equal("static int F(int x)\n{\n    throw new NotImplementedException();\n}\nthrow new NotImplementedException();\n",
            released.Cells.Single().Source);
    }

    [Theory]
    [InlineData("void F()\n{\n    // BEGIN SOLUTION\n    return;\n}", "has no // END SOLUTION")]
    [InlineData("void F()\n{\n    return;\n    // END SOLUTION\n}", "without a // BEGIN SOLUTION")]
    [InlineData("void F()\n{\n    // BEGIN SOLUTION\n    // BEGIN SOLUTION\n    // END SOLUTION\n}", "do not nest")]
    [InlineData("void F()\n{\n    return;\n}", "without a // BEGIN SOLUTION")]
    public void Malformed_markers_are_rejected_naming_notebook_and_cell(string code, string expected)
    {
        var nb = Notebook(Code("var setup = 1;"), Code(code, Solution("t9-impl")));
        var e = Assert.Throws<MalformedSolutionException>(() => Releaser.Release(nb, "a9/q9-broken.ipynb"));
        Assert.Contains("a9/q9-broken.ipynb, cell 2 (grade_id t9-impl)", e.Message);
        Assert.Contains(expected, e.Message);
    }

    [Fact]
    public void Markers_outside_solution_cells_are_rejected()
    {
        var nb = Notebook(Code("int F()\n{\n    // BEGIN SOLUTION\n    return 1;\n    // END SOLUTION\n}"));
        var e = Assert.Throws<MalformedSolutionException>(() => Releaser.Release(nb, "q.ipynb"));
        Assert.Contains("q.ipynb, cell 1", e.Message);
        Assert.Contains("not a solution cell", e.Message);
    }

    [Fact]
    public void Release_all_writes_nothing_when_one_notebook_is_malformed()
    {
        using var fx = new GradingFixture();
        var broken = Notebook(Code("void F()\n{\n    // BEGIN SOLUTION\n}", Solution("zz-impl")));
        broken.Save(Path.Combine(fx.Source, "f1-fixture", "q3-broken.ipynb"));
        var outDir = Path.Combine(fx.Root, "released-again");
        Assert.Throws<MalformedSolutionException>(() => Releaser.ReleaseAll([fx.Source], outDir));
        Assert.False(Directory.Exists(outDir));
    }
}
