using DlCourse.Metrics;

namespace DlCourse.Tests.Metrics;

public class AccuracyNoiseTests
{
    [Fact]
    public void The_standard_error_of_an_accuracy_is_the_binomial_one()
    {
        Assert.Equal(0.03, AccuracyNoise.StandardError(0.9, 100), 15);   // √(0.9 · 0.1 / 100)
        Assert.Equal(0.025, AccuracyNoise.StandardError(0.5, 400), 15);  // √(0.25 / 400)
        Assert.Equal(0, AccuracyNoise.StandardError(1, 10));              // a perfect score has no spread
    }

    [Fact]
    public void A_difference_adds_the_two_variances()
    {
        // Disjoint sets: √(0.03² + 0.025²) = √0.001525.
        Assert.Equal(Math.Sqrt(0.001525), AccuracyNoise.DifferenceStandardError(0.9, 100, 0.5, 400), 15);
        // The same 100 images for both: √((0.09 + 0.25) / 100) = √0.0034.
        Assert.Equal(Math.Sqrt(0.0034), AccuracyNoise.DifferenceStandardError(0.9, 0.5, 100), 15);
        Assert.Equal(AccuracyNoise.DifferenceStandardError(0.8, 0.7, 250), AccuracyNoise.DifferenceStandardError(0.8, 250, 0.7, 250), 15);
    }

    [Fact]
    public void Noise_is_within_two_standard_errors_either_way()
    {
        Assert.True(AccuracyNoise.WithinNoise(0.05, 0.03));
        Assert.True(AccuracyNoise.WithinNoise(-0.06, 0.03));
        Assert.False(AccuracyNoise.WithinNoise(0.07, 0.03));
        Assert.False(AccuracyNoise.WithinNoise(-0.07, 0.03));
    }

    [Fact]
    public void Impossible_accuracies_counts_and_errors_are_refused()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => AccuracyNoise.StandardError(1.2, 100));
        Assert.Throws<ArgumentOutOfRangeException>(() => AccuracyNoise.StandardError(0.5, 0));
        Assert.Throws<ArgumentOutOfRangeException>(() => AccuracyNoise.DifferenceStandardError(0.5, double.NaN, 10));
        Assert.Throws<ArgumentOutOfRangeException>(() => AccuracyNoise.WithinNoise(0.1, -0.01));
    }
}
