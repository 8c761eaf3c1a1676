using DlCourse.Optimization;

namespace DlCourse.Tests.Optimization;

public class GradientDescentPathTests
{
    // f(θ) = ½ Σ a_j θ_j²: each step multiplies θ_j by (1 − α a_j), so θ after s steps is known in closed form.
    private static readonly double[] Curvatures = [1, 4];
    private static double Loss(double[] t) => 0.5 * t.Select((v, j) => Curvatures[j] * v * v).Sum();
    private static double[] Gradient(double[] t) => t.Select((v, j) => Curvatures[j] * v).ToArray();

    [Fact]
    public void Follows_the_closed_form_of_a_quadratic()
    {
        double[] start = [2, -1];
        var path = GradientDescentPath.Run(Loss, Gradient, start, rate: 0.1, steps: 20);
        Assert.Equal(21, path.Losses.Length);
        Assert.Equal(Loss(start), path.Losses[0]);
        for (int j = 0; j < 2; j++) Assert.Equal(start[j] * Math.Pow(1 - 0.1 * Curvatures[j], 20), path.Final[j], 1e-12);
        Assert.Equal(Loss(path.Final), path.Losses[^1]);
        Assert.Equal([2.0, -1], start);   // the start is left as it was
    }

    [Fact]
    public void Zero_steps_record_the_start_only()
    {
        var path = GradientDescentPath.Run(Loss, Gradient, [1.0, 1], rate: 0.5, steps: 0);
        Assert.Equal([2.5], path.Losses);
        Assert.Equal([1.0, 1], path.Final);
    }

    [Fact]
    public void Refuses_bad_rates_steps_and_gradients_of_the_wrong_length()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => GradientDescentPath.Run(Loss, Gradient, [1.0, 1], rate: 0, steps: 1));
        Assert.Throws<ArgumentOutOfRangeException>(() => GradientDescentPath.Run(Loss, Gradient, [1.0, 1], rate: double.NaN, steps: 1));
        Assert.Throws<ArgumentOutOfRangeException>(() => GradientDescentPath.Run(Loss, Gradient, [1.0, 1], rate: 0.1, steps: -1));
        var e = Assert.Throws<InvalidOperationException>(() => GradientDescentPath.Run(Loss, _ => [1.0], [1.0, 1], rate: 0.1, steps: 3));
        Assert.Contains("step 1", e.Message);
    }
}
