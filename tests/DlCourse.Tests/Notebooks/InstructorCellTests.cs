using DlCourse.Cli.Grading;
using DlCourse.Cli.Notebooks;
using DlCourse.Tests.Support;

namespace DlCourse.Tests.Notebooks;

/// <summary>Instructor cells stay short: work a cell need not show lives in named library functions (issue 25's limit).</summary>
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
}
