using DlCourse.Metrics;

namespace DlCourse.Tests.Metrics;

public class RankCorrelationTests
{
    [Fact]
    public void Ranks_count_from_one_and_ties_share_their_mean_rank()
    {
        Assert.Equal([1.0, 3, 2], RankCorrelation.Ranks([10, 30, 20]));
        Assert.Equal([1.0, 2.5, 2.5, 4], RankCorrelation.Ranks([1, 2, 2, 3]));
        Assert.Equal([2.0, 2, 2], RankCorrelation.Ranks([5, 5, 5]));
    }

    [Fact]
    public void Without_ties_it_is_one_minus_six_times_the_squared_rank_differences_over_n_n2_minus_1()
    {
        // Ranks differ by 0, 1, 1, 0: 1 − 6 · 2 / (4 · 15) = 0.8.
        Assert.Equal(0.8, RankCorrelation.Spearman([1, 2, 3, 4], [10, 30, 20, 40]), 12);
        Assert.Equal(-1, RankCorrelation.Spearman([1, 2, 3, 4], [4, 3, 2, 1]), 12);
        // Differences −1, −2, 2, 1: 1 − 6 · 10 / 60 = 0, and exactly 0, so that it prints as +0.0 and not as −0.0.
        Assert.Equal("+0.0", RankCorrelation.Spearman([1, 2, 3, 4], [2, 4, 1, 3]).ToString("+0.0;-0.0", System.Globalization.CultureInfo.InvariantCulture));
        // Only the order counts: any increasing transform keeps ρ = 1.
        Assert.Equal(1, RankCorrelation.Spearman([0.1, 5, 2, 3], [Math.Exp(0.1), Math.Exp(5), Math.Exp(2), Math.Exp(3)]), 12);
    }

    [Fact]
    public void With_ties_it_is_pearsons_correlation_of_the_mean_ranks()
    {
        // Ranks (1, 2.5, 2.5, 4) against (1, 2, 3, 4): covariance sum 4.5, squared deviations 4.5 and 5.
        Assert.Equal(4.5 / Math.Sqrt(4.5 * 5), RankCorrelation.Spearman([1, 2, 2, 3], [1, 2, 3, 4]), 12);
        Assert.True(double.IsNaN(RankCorrelation.Spearman([7, 7, 7], [1, 2, 3])));
    }

    [Fact]
    public void Unpaired_or_too_short_samples_are_refused()
    {
        Assert.Throws<ArgumentException>(() => RankCorrelation.Spearman([1, 2, 3], [1, 2]));
        Assert.Throws<ArgumentException>(() => RankCorrelation.Spearman([1], [1]));
        Assert.Throws<ArgumentException>(() => RankCorrelation.Ranks([1, double.NaN]));
    }
}
