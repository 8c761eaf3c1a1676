using DlCourse.Cli.Grading;
using DlCourse.Cli.Notebooks;
using DlCourse.Tests.Support;

namespace DlCourse.Tests.Notebooks;

/// <summary>Instructor cells stay short and are at most half of the course's code: work a cell need not show lives in
/// named library functions (issue 25's limits).</summary>
public class InstructorCellTests
{
    private const int MaximumLines = 25;

    [Theory]
    [MemberData(nameof(Grading.ScreenTests.CourseNotebooks), MemberType = typeof(Grading.ScreenTests))]
    public void No_instructor_code_cell_is_longer_than_25_lines(string relative)
    {
        var notebook = Notebook.Load(Path.Combine(Repository.Notebooks, relative));
        var tooLong = notebook.Cells
            .Where(c => c.Kind == CellKind.Code && GradingCell.Of(c) is { IsSolution: false, IsTest: false })
            .Select(c => (c.Index, Lines: c.Source.Split('\n').Count(l => !string.IsNullOrWhiteSpace(l))))
            .Where(c => c.Lines > MaximumLines)
            .ToList();
        Assert.True(tooLong.Count == 0, $"{relative}: " + string.Join(", ", tooLong.Select(c => $"cell {c.Index} has {c.Lines} lines")));
    }

    [Fact]
    public void Instructor_code_is_at_most_half_of_all_code_cell_lines()
    {
        // Non-blank lines: the student's solution cells, the test cells, and the rest, the instructor's (first cells included).
        int instructor = 0, all = 0;
        foreach (var path in NotebookPaths.Expand([Repository.Notebooks]))
            foreach (var cell in Notebook.Load(path.Source).Cells.Where(c => c.Kind == CellKind.Code))
            {
                int lines = cell.Source.Split('\n').Count(l => !string.IsNullOrWhiteSpace(l));
                all += lines;
                if (GradingCell.Of(cell) is { IsSolution: false, IsTest: false }) instructor += lines;
            }
        Assert.True(all > 1000, $"only {all} code lines: the course notebooks were not found");
        Assert.True(2 * instructor <= all, $"instructor code is {instructor} of {all} code-cell lines ({100.0 * instructor / all:F1} %), over half");
    }
}
