using DlCourse.Derivations;

namespace DlCourse.Tests.Derivations;

public class MidpointConvexityTests
{
    private static Func<double[]> Uniform(int seed, int dimension)
    {
        var random = new Random(seed);
        return () => Enumerable.Range(0, dimension).Select(_ => 6 * random.NextDouble() - 3).ToArray();
    }

    [Fact]
    public void A_convex_function_never_violates_it()
    {
        Assert.Equal(0, MidpointConvexity.Violations(x => x.Sum(v => v * v) + Math.Exp(x[0]), Uniform(1, 3), 500));
        // Affine: the midpoint lies on the chord, within rounding.
        Assert.Equal(0, MidpointConvexity.Violations(x => 2 * x[0] - x[1] + 1, Uniform(2, 2), 500));
    }

    [Fact]
    public void A_strictly_concave_function_violates_it_for_every_pair_of_distinct_points()
    {
        Assert.Equal(500, MidpointConvexity.Violations(x => -x.Sum(v => v * v), Uniform(3, 2), 500));
    }

    [Fact]
    public void The_scalar_two_layer_example_violates_it_at_the_origin()
    {
        // ℓ(w₁, w₂) = (w₂w₁ − 1)²: ℓ(1, 1) = ℓ(−1, −1) = 0 but ℓ(0, 0) = 1. Draws alternate between the two minima.
        int draws = 0;
        double[] Draw() => draws++ % 2 == 0 ? new[] { 1.0, 1.0 } : new[] { -1.0, -1.0 };
        Assert.Equal(4, MidpointConvexity.Violations(w => Math.Pow(w[1] * w[0] - 1, 2), Draw, 4));
        Assert.Equal(8, draws);
        // A midpoint exactly 1 above the chord is within a tolerance of 1, not of 0.99.
        draws = 0;
        Assert.Equal(0, MidpointConvexity.Violations(w => Math.Pow(w[1] * w[0] - 1, 2), Draw, 4, tolerance: 1));
        Assert.Equal(4, MidpointConvexity.Violations(w => Math.Pow(w[1] * w[0] - 1, 2), Draw, 4, tolerance: 0.99));
    }

    [Fact]
    public void Uniform_draws_from_a_random_source_count_like_the_hand_drawn_ones_and_use_two_points_per_pair()
    {
        var random = new Random(9);
        Assert.Equal(300, MidpointConvexity.Violations(x => -x.Sum(v => v * v), random, 4, 2.5, 300));
        // 300 pairs of 4 coordinates: 2400 draws, so the next draw is the 2401st of the seed.
        var replay = new Random(9);
        for (int i = 0; i < 2400; i++) replay.NextDouble();
        Assert.Equal(replay.NextDouble(), random.NextDouble());
        // Points of coordinates in [−2.5, 2.5): |x₀| < 2.5 everywhere, so f = x₀² − 6.25 is a convex function below 0 on them.
        Assert.Equal(0, MidpointConvexity.Violations(x => x[0] * x[0] - 6.25, new Random(10), 3, 2.5, 300));
        // The same pairs as a hand-written draw of 2.5·(2u − 1), on a function that is convex on some pairs only.
        static double Wavy(double[] x) => Math.Sin(3 * x[0]) + x[1] * x[1];
        var hand = new Random(11);
        int expected = MidpointConvexity.Violations(Wavy, () => [2.5 * (2 * hand.NextDouble() - 1), 2.5 * (2 * hand.NextDouble() - 1)], 400);
        Assert.InRange(expected, 1, 399);
        Assert.Equal(expected, MidpointConvexity.Violations(Wavy, new Random(11), 2, 2.5, 400));
    }

    [Fact]
    public void Uniform_draws_refuse_bad_arguments()
    {
        Assert.Throws<ArgumentNullException>(() => MidpointConvexity.Violations(x => 0, null!, 2, 1, 1));
        Assert.Throws<ArgumentOutOfRangeException>(() => MidpointConvexity.Violations(x => 0, new Random(1), 0, 1, 1));
        Assert.Throws<ArgumentOutOfRangeException>(() => MidpointConvexity.Violations(x => 0, new Random(1), 2, double.NaN, 1));
        Assert.Throws<ArgumentOutOfRangeException>(() => MidpointConvexity.Violations(x => 0, new Random(1), 2, 0, 0));
        Assert.Throws<ArgumentOutOfRangeException>(() => MidpointConvexity.Violations(x => 0, new Random(1), 2, 1, -1));
    }

    [Fact]
    public void Rejects_points_of_different_dimensions_and_bad_arguments()
    {
        int draws = 0;
        double[] Draw() => draws++ % 2 == 0 ? new[] { 1.0 } : new[] { 1.0, 2.0 };
        Assert.Throws<ArgumentException>(() => MidpointConvexity.Violations(x => 0, Draw, 1));
        Assert.Throws<ArgumentOutOfRangeException>(() => MidpointConvexity.Violations(x => 0, Uniform(1, 1), -1));
        Assert.Throws<ArgumentOutOfRangeException>(() => MidpointConvexity.Violations(x => 0, Uniform(1, 1), 1, tolerance: double.NaN));
        Assert.Throws<ArgumentNullException>(() => MidpointConvexity.Violations(null!, Uniform(1, 1), 1));
    }
}
