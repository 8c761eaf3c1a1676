using DlCourse.Plotting;

namespace DlCourse.Tests.Plotting;

public class SeriesTests
{
    [Fact]
    public void Every_keeps_every_nth_point_from_the_first()
    {
        var squares = new Series("squares", [0.0, 1, 4, 9, 16]);
        var thinned = squares.Every(2);
        Assert.Equal("squares", thinned.Name);
        Assert.Equal([0.0, 2, 4], thinned.X);
        Assert.Equal([0.0, 4, 16], thinned.Y);
        Assert.Equal(squares.Y, squares.Every(1).Y);
        Assert.Equal([0.0], squares.Every(10).X);
        Assert.Throws<ArgumentOutOfRangeException>(() => squares.Every(0));
        Assert.Throws<InvalidOperationException>(() => new Series("ragged", [0.0, 1], [5.0]).Every(1));
    }
}
