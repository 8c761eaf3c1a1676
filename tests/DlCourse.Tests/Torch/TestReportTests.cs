using DlCourse.Torch;

namespace DlCourse.Tests.Torch;

public class TestReportTests
{
    [Fact]
    public void The_summary_reads_back_by_its_pattern()
    {
        // Per-class F1: 1 (class 0), 2/3 (class 1: a 2 taken for a 1), 2/3 (class 2): macro F1 7/9.
        var report = TestReport.From(predicted: [0, 1, 1, 2], truth: [0, 1, 2, 2], classCount: 3);
        Assert.Equal("accuracy 75.00 %, macro F1 0.7778 on 4 images", report.ToString());
        var fields = RecordedFields.Read(report.ToString(), TestReport.SummaryPattern);
        Assert.Equal(0.75, fields.Percent("accuracy"), 15);
        Assert.Equal(0.7778, fields.Number("macroF1"));
        Assert.Equal(4, fields.Integer("images"));
    }
}
