using DlCourse.Metrics;

namespace DlCourse.Tests.Metrics;

public class StandardErrorTests
{
    [Fact]
    public void Of_a_proportion_is_the_square_root_of_p_times_one_minus_p_over_n()
    {
        Assert.Equal(0.05, StandardError.OfProportion(0.5, 100), 15);              // √(¼/100)
        Assert.Equal(Math.Sqrt(0.8 * 0.2 / 2000), StandardError.OfProportion(0.8, 2000), 15);
        Assert.Equal(0.0, StandardError.OfProportion(1.0, 10));                   // a certain outcome does not vary
    }

    [Fact]
    public void Of_a_difference_adds_the_variances_of_the_two_estimates()
    {
        // p = 0.8 on 1 500 and 10 000 samples: √(0.16 · (1/1500 + 1/10000)).
        Assert.Equal(Math.Sqrt(0.16 * (1.0 / 1500 + 1.0 / 10000)), StandardError.OfDifference(0.8, 1500, 10000), 15);
        // Two estimates on n samples each: √2 times the standard error of one.
        Assert.Equal(Math.Sqrt(2) * StandardError.OfProportion(0.3, 400), StandardError.OfDifference(0.3, 400, 400), 15);
    }

    [Fact]
    public void Rejects_a_p_outside_zero_to_one_and_an_empty_sample()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => StandardError.OfProportion(1.2, 10));
        Assert.Throws<ArgumentOutOfRangeException>(() => StandardError.OfProportion(double.NaN, 10));
        Assert.Throws<ArgumentOutOfRangeException>(() => StandardError.OfProportion(0.5, 0));
        Assert.Throws<ArgumentOutOfRangeException>(() => StandardError.OfDifference(0.5, 10, 0));
        Assert.Throws<ArgumentOutOfRangeException>(() => StandardError.OfDifference(-0.1, 10, 10));
    }
}
