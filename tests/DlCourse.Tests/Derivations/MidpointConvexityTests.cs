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
