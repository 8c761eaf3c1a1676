using DlCourse.Cli.Commands;
using DlCourse.Cli.Export;
using DlCourse.Cli.Grading;
using DlCourse.Cli.Notebooks;

namespace DlCourse.Tests.Export;

/// <summary><c>dlcourse export --answers</c>: per student, each written answer on its own page, in assignment order, math typeset.</summary>
[Collection(BrowserCollection.Name)]
public class AnswerSheetTests
{
    private static readonly string Source = Path.Combine(Support.Repository.Notebooks, "a1-loss-functions");

    [Fact]
    public async Task Each_students_written_answers_are_one_per_page_in_assignment_order()
    {
        using var temp = new TempFolder();
        var written = new List<string>();
        foreach (var student in new[] { "alice", "bob" })
            foreach (var (path, relative) in NotebookPaths.Expand([Source]))
            {
                var released = Releaser.Release(Notebook.Load(path), relative);
                if (student == "alice" && relative.StartsWith("q5-", StringComparison.Ordinal))
                    released.Cells.Single(c => GradingCell.Of(c).GradeId == "a1q5-answer").Source =
                        "Alice writes: by the quotient rule $\\frac{\\partial \\hat y_k}{\\partial z_j} = \\hat y_k(\\delta_{kj} - \\hat y_j)$.";
                released.Save(Path.Combine(temp["subs"], student, "a1-loss-functions", relative));
            }
        var stdout = new StringWriter();
        var stderr = new StringWriter();
        var exit = await AnswerSheets.ExportAsync(Source, [temp["subs"]], new ExportOptions { OutDir = temp["out"] }, stdout, stderr);
        Assert.True(exit == 0, stderr.ToString());

        var alice = Path.Combine(temp["out"], "written-answers-alice.pdf");
        var bob = Path.Combine(temp["out"], "written-answers-bob.pdf");
        // A title page, then A1's eight written answers (Q1 … Q8), one per page.
        Assert.Equal(9, PdfInspection.PageCount(alice));
        Assert.Equal(9, PdfInspection.PageCount(bob));
        var pages = PdfInspection.PageTexts(alice);
        for (var q = 1; q <= 8; q++) Assert.Contains($"a1q{q}-answer", pages[q]);
        Assert.Contains("Alice writes", pages[5]);
        Assert.DoesNotContain("\\delta", pages[5]); // typeset, not raw LaTeX
        Assert.Contains("δ", pages[5]);
        Assert.Contains("(no answer)", PdfInspection.PageTexts(bob)[5]);
        Assert.DoesNotContain("Alice", PdfInspection.Text(bob));
    }

    [Fact]
    public async Task A_source_without_written_answers_is_bad_input()
    {
        using var temp = new TempFolder();
        Directory.CreateDirectory(temp["subs"]);
        var fixture = Path.Combine(temp["source"], "q.ipynb");
        Directory.CreateDirectory(temp["source"]);
        Notebook.Parse(Support.TestNotebook.Json("var x = 1;"), "q.ipynb").Save(fixture);
        var stderr = new StringWriter();
        Assert.Equal(2, await AnswerSheets.ExportAsync(temp["source"], [temp["subs"]], new ExportOptions { OutDir = temp["out"] }, new StringWriter(), stderr));
        Assert.Contains("no written answers", stderr.ToString());
    }
}
