using DlCourse.Numerics;

namespace DlCourse.Tests.Numerics;

/// <summary>Values worked out by hand.</summary>
public class ClosedFormTests
{
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
}
