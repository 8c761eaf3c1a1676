using System.Text.Json.Nodes;
using DlCourse.Cli.Grading;

namespace DlCourse.Tests.Grading;

/// <summary>Which cells of a submission are run: only solution cells come from the student, everything else from the source.</summary>
public class AssemblerTests
{
    private static readonly JsonObject Source = GradingFixture.LoadFixture(GradingFixture.Q1);

    private static JsonObject Released() => Releaser.Release(Source, "q1");

    private static JsonObject Cell(JsonObject nb, string gradeId) => NotebookJson.Cells(nb).Single(c => GradingCell.Of(c).GradeId == gradeId);

    private static JsonObject WithImpl(string code)
    {
        var nb = Released();
        NotebookJson.SetSource(Cell(nb, "f1q1-impl"), code);
        return nb;
    }

    private static List<string> Texts(JsonObject nb) => NotebookJson.Cells(nb).Select(NotebookJson.Source).ToList();

    [Fact]
    public void Tests_and_locked_cells_come_from_the_source_and_hidden_tests_are_added()
    {
        var student = WithImpl(GradingFixture.Correct["f1q1-impl"]);
        NotebookJson.SetSource(Cell(student, "f1q1-three"), "Console.WriteLine(\"I pass\");");
        NotebookJson.SetSource(Cell(student, "f1q1-setup"), "static class Check { public static void Close(double a, double b, double t, string w) {} }");

        var assembled = SubmissionAssembler.Assemble(Source, student, "q1");

        Assert.Equal(Texts(Source).Where(t => !t.Contains("BEGIN SOLUTION") && !t.Contains("MODEL ANSWER")),
            Texts(assembled.Notebook).Where(t => t != GradingFixture.Correct["f1q1-impl"] && t != "YOUR ANSWER HERE"));
        Assert.Equal(GradingFixture.Correct["f1q1-impl"], NotebookJson.Source(Cell(assembled.Notebook, "f1q1-impl")));
        Assert.Contains("hidden-test-marker-q1", NotebookJson.Source(Cell(assembled.Notebook, "f1q1-negative")));
        Assert.Empty(assembled.Notes);
    }

    [Fact]
    public void Deleted_solution_cell_is_graded_as_the_stub_with_a_note()
    {
        var student = Released();
        student["cells"]!.AsArray().Remove(Cell(student, "f1q1-impl"));
        var assembled = SubmissionAssembler.Assemble(Source, student, "q1");
        Assert.Contains(SolutionRegions.Stub, NotebookJson.Source(Cell(assembled.Notebook, "f1q1-impl")));
        Assert.Contains(assembled.Notes, n => n.Contains("f1q1-impl is missing"));
    }

    [Fact]
    public void Reordered_and_extra_cells_do_not_change_the_order_or_add_code()
    {
        var student = WithImpl(GradingFixture.Correct["f1q1-impl"]);
        var cells = NotebookJson.Cells(student).Select(c => c.DeepClone()).Reverse().Append(new JsonObject
        {
            ["cell_type"] = "code", ["source"] = "Environment.Exit(0);", ["metadata"] = new JsonObject(), ["outputs"] = new JsonArray(),
        }).ToArray();
        student["cells"] = new JsonArray(cells);

        var assembled = SubmissionAssembler.Assemble(Source, student, "q1");
        Assert.Equal(NotebookJson.Cells(Source).Select(c => GradingCell.Of(c).GradeId), NotebookJson.Cells(assembled.Notebook).Select(c => GradingCell.Of(c).GradeId));
        Assert.DoesNotContain(Texts(assembled.Notebook), t => t.Contains("Environment.Exit"));
        Assert.Equal(GradingFixture.Correct["f1q1-impl"], NotebookJson.Source(Cell(assembled.Notebook, "f1q1-impl")));
    }

    [Fact]
    public void Retyped_solution_cell_is_run_as_code_with_a_note()
    {
        var student = WithImpl(GradingFixture.Correct["f1q1-impl"]);
        Cell(student, "f1q1-impl")["cell_type"] = "markdown";
        var assembled = SubmissionAssembler.Assemble(Source, student, "q1");
        var cell = Cell(assembled.Notebook, "f1q1-impl");
        Assert.Equal("code", NotebookJson.CellType(cell));
        Assert.Equal(GradingFixture.Correct["f1q1-impl"], NotebookJson.Source(cell));
        Assert.Contains(assembled.Notes, n => n.Contains("changed to markdown"));
    }

    [Theory]
    [InlineData("static class Check { public static void Close(double a, double e, double t, string w) { } }\nstatic double Square(double x) => 0;", "`Check`")]
    [InlineData("using Check = System.Console;\nstatic double Square(double x) => 0;", "`Check`")]
    [InlineData("static double Square(double x) => 0;\nvoid Close() { }\nclass Math { }", "`Math`")]
    [InlineData("Microsoft.DotNet.Interactive.Kernel.Root.AddMiddleware(async (c, x, next) => { });\nstatic double Square(double x) => 0;", "`AddMiddleware`")]
    [InlineData("static double Square(double x) => (double)typeof(Math).GetMethod(\"Abs\", new[] { typeof(double) })!.Invoke(null, new object[] { x * x })!;", "`GetMethod`")]
    [InlineData("#!fsharp\nlet square x = x * x", "magic commands")]
    public void Cells_that_redefine_test_helpers_or_reach_the_kernel_are_not_run(string code, string reason)
    {
        var assembled = SubmissionAssembler.Assemble(Source, WithImpl(code), "q1");
        Assert.Contains(SolutionRegions.Stub, NotebookJson.Source(Cell(assembled.Notebook, "f1q1-impl")));
        var note = Assert.Single(assembled.Notes);
        Assert.Contains("was not run", note);
        Assert.Contains(reason, note);
    }

    [Fact]
    public void Helpers_with_new_names_are_allowed()
    {
        const string code = "static double Twice(double a, double b) => a * b;\nstatic double Square(double x) => Twice(x, x);";
        var assembled = SubmissionAssembler.Assemble(Source, WithImpl(code), "q1");
        Assert.Equal(code, NotebookJson.Source(Cell(assembled.Notebook, "f1q1-impl")));
        Assert.Empty(assembled.Notes);
    }

    [Fact]
    public void Another_kernel_language_is_noted_and_graded_as_csharp()
    {
        var student = WithImpl(GradingFixture.Correct["f1q1-impl"]);
        student["metadata"] = new JsonObject { ["kernelspec"] = new JsonObject { ["name"] = "python3", ["language"] = "python" } };
        var assembled = SubmissionAssembler.Assemble(Source, student, "q1");
        Assert.Contains(assembled.Notes, n => n.Contains("python3") && n.Contains("graded as C#"));
        Assert.Equal(".net-csharp", (string?)assembled.Notebook["metadata"]!["kernelspec"]!["name"]);
    }
}
