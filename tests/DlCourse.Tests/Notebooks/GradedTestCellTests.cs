using System.Text.RegularExpressions;
using DlCourse.Cli.Grading;
using DlCourse.Cli.Notebooks;
using DlCourse.Tests.Support;

namespace DlCourse.Tests.Notebooks;

/// <summary>
/// The grader judges a test cell by the values its <c>Check.*</c> calls record (the student's actual against the reference
/// run's expected value or bound), not by the verdict reached in the student's kernel. <c>Check.True</c> records only the
/// student's boolean, which proves nothing, so no graded test cell of a course notebook may call it.
/// </summary>
public partial class GradedTestCellTests
{
    public static TheoryData<string> Notebooks() =>
        [.. NotebookPaths.Expand([Repository.Notebooks]).Select(n => Path.GetRelativePath(Repository.Notebooks, n.Source))];

    [Theory]
    [MemberData(nameof(Notebooks))]
    public void No_graded_test_cell_calls_Check_True(string relative)
    {
        var notebook = Notebook.Load(Path.Combine(Repository.Notebooks, relative));
        var offenders = notebook.Cells
            .Where(c => GradingCell.Of(c).IsTest && CheckTrue().IsMatch(c.Source))
            .Select(c => $"{GradingCell.Of(c).GradeId} (cell {c.Index})")
            .ToList();
        Assert.True(offenders.Count == 0,
            $"{relative}: graded test cells call Check.True, whose boolean the grader cannot compare with the reference run: {string.Join(", ", offenders)}");
    }

    [Fact]
    public void The_search_finds_graded_test_cells()
    {
        var tests = NotebookPaths.Expand([Repository.Notebooks])
            .SelectMany(n => Notebook.Load(n.Source).Cells)
            .Count(c => GradingCell.Of(c).IsTest);
        Assert.True(tests >= 25, $"only {tests} graded test cells found under {Repository.Notebooks}");
    }

    [Theory]
    [InlineData("Check.True(ok, \"x\");", true)]
    [InlineData("Check . True (ok, \"x\");", true)]
    [InlineData("DlCourse.Check.True(ok, \"x\");", true)]
    [InlineData("Check.Close(a, b, 1e-9, \"x\");", false)]
    [InlineData("MyCheck.Truest(a);", false)]
    public void The_pattern_finds_Check_True(string source, bool found) => Assert.Equal(found, CheckTrue().IsMatch(source));

    [GeneratedRegex(@"\bCheck\s*\.\s*True\s*\(")]
    private static partial Regex CheckTrue();
}
