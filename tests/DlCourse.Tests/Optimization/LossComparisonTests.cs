using DlCourse.Optimization;

namespace DlCourse.Tests.Optimization;

public class LossComparisonTests
{
    [Fact]
    public void Entries_after_the_shared_start_are_compared_over_the_shorter_curve()
    {
        double[] first = [1.0, 0.8, 0.6, 0.5];
        double[] second = [1.0, 0.9, 0.5, 0.7, 0.1, 0.2];
        var comparison = new LossComparison(first, second);
        // Differences first − second at entries 1, 2, 3: −0.1, 0.1, −0.2 (entries 4 and 5 of the second are not compared).
        Assert.Equal(3, comparison.Compared);
        Assert.Equal([-0.1, 0.1, -0.2], comparison.Differences.Select(d => Math.Round(d, 12)));
        Assert.Equal(2, comparison.SecondAbove);
        Assert.Equal(-0.2, comparison.SmallestDifference, 12);
        Assert.Equal(0.1, comparison.LargestDifference, 12);
        Assert.Equal("B's loss is above A's at   2 of 3 epochs; B's last 3 epochs between 0.1000 and 0.7000; A ends at 0.5000",
            comparison.Describe("A", "B", "loss", last: 3));
    }

    [Fact]
    public void Arguments_are_validated_and_NaN_is_refused()
    {
        Assert.Throws<ArgumentException>(() => new LossComparison([1.0], [1.0, 2.0]));
        Assert.Throws<ArgumentException>(() => new LossComparison([1.0, double.NaN], [1.0, 0.5]));
        Assert.Throws<ArgumentNullException>(() => new LossComparison(null!, [1.0, 0.5]));
        var comparison = new LossComparison([1.0, 0.5], [1.0, 0.6]);
        Assert.Throws<ArgumentOutOfRangeException>(() => comparison.Describe("a", "b", "loss", last: 0));
        Assert.Throws<ArgumentOutOfRangeException>(() => comparison.Describe("a", "b", "loss", last: 3));
    }
}
