using System.Text.Json.Nodes;
using DlCourse.Cli.Grading;
using DlCourse.Cli.Notebooks;

namespace DlCourse.Tests.Grading;

/// <summary>Which cells of a submission are run: only solution cells come from the student, everything else from the source.</summary>
public class AssemblerTests
{
    private static readonly Notebook Source = GradingFixture.LoadFixture(GradingFixture.Q1);

    private static Notebook Released() => Releaser.Release(Source, "q1");

    private static NotebookCell Cell(Notebook nb, string gradeId) => nb.Cells.Single(c => GradingCell.Of(c).GradeId == gradeId);

    private static Notebook WithImpl(string code)
    {
        var nb = Released();
        Cell(nb, "f1q1-impl").Source = code;
        return nb;
    }

    private static List<string> Texts(Notebook nb) => nb.Cells.Select(c => c.Source).ToList();

    // The grader's order: the source's, with hidden tests after every other cell (written out here, not by the code under test).
    private static Notebook HiddenTestsLast(Notebook source)
    {
        var ordered = source.Clone();
        ordered.SetCells(source.Cells.OrderBy(c => GradingCell.Of(c) is { IsTest: true, IsHidden: true } ? 1 : 0));
        return ordered;
    }

    [Fact]
    public void Tests_and_locked_cells_come_from_the_source_and_hidden_tests_are_added()
    {
        var student = WithImpl(GradingFixture.Correct["f1q1-impl"]);
        Cell(student, "f1q1-three").Source = "Console.WriteLine(\"I pass\");";
        Cell(student, "f1q1-setup").Source = "static class Check { public static void Close(double a, double b, double t, string w) {} }";

        var assembled = SubmissionAssembler.Assemble(Source, student, "q1");

        Assert.Equal(Texts(HiddenTestsLast(Source)).Where(t => !t.Contains("BEGIN SOLUTION") && !t.Contains("MODEL ANSWER")),
            Texts(assembled.Notebook).Where(t => t != GradingFixture.Correct["f1q1-impl"] && t != "YOUR ANSWER HERE"));
        Assert.Equal(GradingFixture.Correct["f1q1-impl"], Cell(assembled.Notebook, "f1q1-impl").Source);
        Assert.Contains("hidden-test-marker-q1", Cell(assembled.Notebook, "f1q1-negative").Source);
        Assert.Empty(assembled.Notes);
    }

    [Fact]
    public void Deleted_solution_cell_is_graded_as_the_stub_with_a_note()
    {
        var student = Released();
        student.RemoveCells(c => GradingCell.Of(c).GradeId == "f1q1-impl");
        var assembled = SubmissionAssembler.Assemble(Source, student, "q1");
        Assert.Contains(SolutionRegions.Stub, Cell(assembled.Notebook, "f1q1-impl").Source);
        Assert.Contains(assembled.Notes, n => n.Contains("f1q1-impl is missing"));
    }

    [Fact]
    public void Reordered_and_extra_cells_do_not_change_the_order_or_add_code()
    {
        var student = WithImpl(GradingFixture.Correct["f1q1-impl"]);
        var extra = Notebook.Parse("""{"nbformat": 4, "nbformat_minor": 4, "metadata": {}, "cells": [{"cell_type": "code", "source": "Environment.Exit(0);", "metadata": {}, "outputs": []}]}""", "x");
        student.SetCells(student.Cells.Reverse().Append(extra.Cells[0]).ToList());

        var assembled = SubmissionAssembler.Assemble(Source, student, "q1");
        Assert.Equal(HiddenTestsLast(Source).Cells.Select(c => GradingCell.Of(c).GradeId), assembled.Notebook.Cells.Select(c => GradingCell.Of(c).GradeId));
        Assert.DoesNotContain(Texts(assembled.Notebook), t => t.Contains("Environment.Exit"));
        Assert.Equal(GradingFixture.Correct["f1q1-impl"], Cell(assembled.Notebook, "f1q1-impl").Source);
    }

    [Fact]
    public void Retyped_solution_cell_is_run_as_code_with_a_note()
    {
        var student = WithImpl(GradingFixture.Correct["f1q1-impl"]);
        student.Json["cells"]![Cell(student, "f1q1-impl").Index]!["cell_type"] = "markdown";
        student = Notebook.Parse(student.ToJson(), "student");
        var assembled = SubmissionAssembler.Assemble(Source, student, "q1");
        var cell = Cell(assembled.Notebook, "f1q1-impl");
        Assert.Equal(CellKind.Code, cell.Kind);
        Assert.Equal(GradingFixture.Correct["f1q1-impl"], cell.Source);
        Assert.Contains(assembled.Notes, n => n.Contains("changed to markdown"));
    }

    [Theory]
    [InlineData("Microsoft.DotNet.Interactive.Kernel.Root.AddMiddleware(async (c, x, next) => { });\nstatic double Square(double x) => 0;", "AddMiddleware")]
    [InlineData("static double Square(double x) => (double)typeof(Math).GetMethod(\"Abs\", new[] { typeof(double) })!.Invoke(null, new object[] { x * x })!;", "reflection")]
    [InlineData("#!fsharp\nlet square x = x * x", "magic commands")]
    [InlineData("#r \"/tmp/evil.dll\"\nstatic double Square(double x) => x * x;", "`#r")]
    [InlineData("static double Square(double x) => 0;\nAppDomain.CurrentDomain.FirstChanceException += (s, e) => { };", "AppDomain")]
    public void Cells_that_reach_the_kernel_are_not_run(string code, string reason)
    {
        var assembled = SubmissionAssembler.Assemble(Source, WithImpl(code), "q1");
        Assert.Contains(SolutionRegions.Stub, Cell(assembled.Notebook, "f1q1-impl").Source);
        var note = Assert.Single(assembled.Notes);
        Assert.Contains("was not run", note);
        Assert.Contains(reason, note);
    }

    [Fact]
    public void Helpers_with_new_names_are_allowed()
    {
        const string code = "static double Twice(double a, double b) => a * b;\nstatic double Square(double x) => Twice(x, x);";
        var assembled = SubmissionAssembler.Assemble(Source, WithImpl(code), "q1");
        Assert.Equal(code, Cell(assembled.Notebook, "f1q1-impl").Source);
        Assert.Empty(assembled.Notes);
    }

    [Fact]
    public void Another_kernel_language_is_noted_and_graded_as_csharp()
    {
        var student = WithImpl(GradingFixture.Correct["f1q1-impl"]);
        student.Metadata["kernelspec"] = new JsonObject { ["name"] = "python3", ["language"] = "python" };
        var assembled = SubmissionAssembler.Assemble(Source, student, "q1");
        Assert.Contains(assembled.Notes, n => n.Contains("python3") && n.Contains("graded as C#"));
        Assert.Equal(".net-csharp", (string?)assembled.Notebook.Metadata["kernelspec"]!["name"]);
    }
}
