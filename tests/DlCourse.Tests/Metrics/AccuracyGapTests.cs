using DlCourse.Metrics;

namespace DlCourse.Tests.Metrics;

public class AccuracyGapTests
{
    [Fact]
    public void The_gap_is_the_difference_and_its_noise_is_that_of_the_first_accuracy_on_both_sets()
    {
        // 80 % on 100 images, then 75 % on 400 others: −5 points; √(0.8 · 0.2 · (1/100 + 1/400)) = √0.002.
        var gap = AccuracyGap.Of(0.8, 100, 0.75, 400);
        Assert.Equal(-0.05, gap.Difference, 15);
        Assert.Equal(Math.Sqrt(0.002), gap.StandardError, 15);
        Assert.Equal("-5.00 points; one standard error of that difference: 4.47 points", gap.ToString());
        // The second accuracy does not enter the noise: a perfect first accuracy has none.
        Assert.Equal(0, AccuracyGap.Of(1, 50, 0.9, 50).StandardError);
        Assert.StartsWith("+2.50 points;", AccuracyGap.Of(0.5, 400, 0.525, 400).ToString());
    }

    [Fact]
    public void Impossible_accuracies_and_counts_are_refused_and_NaN_does_not_slip_through()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => AccuracyGap.Of(double.NaN, 100, 0.5, 100));
        Assert.Throws<ArgumentOutOfRangeException>(() => AccuracyGap.Of(0.5, 100, double.NaN, 100));
        Assert.Throws<ArgumentOutOfRangeException>(() => AccuracyGap.Of(1.2, 100, 0.5, 100));
        Assert.Throws<ArgumentOutOfRangeException>(() => AccuracyGap.Of(0.5, 100, -0.1, 100));
        Assert.Throws<ArgumentOutOfRangeException>(() => AccuracyGap.Of(0.5, 0, 0.5, 100));
        Assert.Throws<ArgumentOutOfRangeException>(() => AccuracyGap.Of(0.5, 100, 0.5, 0));
    }
}
