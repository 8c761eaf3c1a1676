using DlCourse.Plotting;

namespace DlCourse.Tests.Plotting;

public class AxisRangeTests
{
    [Fact]
    public void Spanning_widens_the_values_range_by_the_margin_on_each_side()
    {
        var range = AxisRange.Spanning([2.0, 5.0, 3.0]);
        Assert.Equal(1.7, range.Min, 12);
        Assert.Equal(5.3, range.Max, 12);
        Assert.Equal(new AxisRange(2, 5), AxisRange.Spanning([5.0, 2.0], margin: 0));
        Assert.Equal(new AxisRange(4, 4), AxisRange.Spanning([4.0]));
        Assert.Throws<ArgumentException>(() => AxisRange.Spanning([]));
        Assert.Throws<ArgumentException>(() => AxisRange.Spanning([1.0, double.NaN]));
        Assert.Throws<ArgumentOutOfRangeException>(() => AxisRange.Spanning([1.0], margin: -0.1));
    }
}
