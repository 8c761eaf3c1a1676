using DlCourse.Numerics;

namespace DlCourse.Tests.Numerics;

/// <summary>Values worked out by hand in the A1 questions.</summary>
public class ClosedFormTests
{
    [Fact]
    public void Bce_of_a_confident_wrong_prediction_is_ln_10()
    {
        // y = 0, ŷ = 0.9: −log(1 − 0.9) = ln 10 = 2.302585…
        Assert.Equal(2.302585092994046, BinaryCrossEntropy.Value(0.9, 0), 12);
        Assert.Equal(Math.Log(10), BinaryCrossEntropy.Value([0.9], [0.0]), 12);
    }

    [Fact]
    public void Mean_bce_over_three_samples_is_1_243()
    {
        // (ln 10 + ln 1.25 + ln(10/3)) / 3 = 1.24297…
        double expected = (Math.Log(10) + Math.Log(1 / 0.8) + Math.Log(1 / 0.3)) / 3;
        double mean = BinaryCrossEntropy.Value([0.9, 0.8, 0.3], [0.0, 1, 1]);
        Assert.Equal(expected, mean, 14);
        Assert.Equal(1.243, mean, 3);
    }

    [Fact]
    public void Mse_of_a_small_example()
    {
        Assert.Equal((0.25 + 1 + 0) / 3, MeanSquaredError.Value([0.5, 2, 3], [0.0, 3, 3]), 15);
    }

    [Fact]
    public void Cross_entropy_of_uniform_prediction_is_log_k()
    {
        Assert.Equal(Math.Log(3), CrossEntropyWithLogits.Value([0.0, 0, 0], 1), 15);
        Assert.Equal(Math.Log(3), CrossEntropy.Value([1 / 3.0, 1 / 3.0, 1 / 3.0], [0.0, 1, 0]), 15);
    }

    [Theory]
    [InlineData(1.5, 1.0)]
    [InlineData(-0.1, 0.0)]
    [InlineData(double.NaN, 1.0)]
    [InlineData(0.5, 2.0)]
    public void Binary_cross_entropy_refuses_what_is_not_a_probability_instead_of_returning_NaN(double probability, double target)
    {
        var e = Assert.Throws<ArgumentOutOfRangeException>(() => BinaryCrossEntropy.Value(probability, target));
        Assert.Contains("[0, 1]", e.Message);
        Assert.Throws<ArgumentOutOfRangeException>(() => BinaryCrossEntropy.Value([0.5, probability], [1.0, target]));
    }

    [Fact]
    public void Binary_cross_entropy_keeps_its_limits_at_0_and_1_and_its_gradient_needs_the_open_interval()
    {
        Assert.Equal(0, BinaryCrossEntropy.Value(1.0, 1.0));
        Assert.Equal(double.PositiveInfinity, BinaryCrossEntropy.Value(0.0, 1.0));
        Assert.Throws<ArgumentOutOfRangeException>(() => BinaryCrossEntropy.Gradient([1.0], [1.0]));
    }
}
