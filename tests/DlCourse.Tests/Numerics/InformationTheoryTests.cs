using DlCourse.Numerics;

namespace DlCourse.Tests.Numerics;

public class InformationTheoryTests
{
    [Fact]
    public void Cross_entropy_is_entropy_plus_kl_divergence_on_random_distributions()
    {
        var rng = new Random(11);
        for (int trial = 0; trial < 50; trial++)
        {
            var p = TestData.Distribution(rng, 2 + trial % 6);
            var q = TestData.Distribution(rng, p.Length);
            Assert.Equal(CrossEntropy.Value(q, p), Entropy.Value(p) + KlDivergence.Value(p, q), 12);
        }
    }

    [Fact]
    public void Kl_divergence_is_nonnegative_and_zero_only_for_equal_distributions()
    {
        var rng = new Random(12);
        for (int trial = 0; trial < 50; trial++)
        {
            var p = TestData.Distribution(rng, 4);
            var q = TestData.Distribution(rng, 4);
            Assert.True(KlDivergence.Value(p, q) > 0);
            Assert.Equal(0.0, KlDivergence.Value(p, p), 15);
        }
        // A tiny perturbation already gives a strictly positive divergence (≈ ½ χ²).
        double[] a = [0.5, 0.5], b = [0.5 + 1e-3, 0.5 - 1e-3];
        Assert.InRange(KlDivergence.Value(a, b), 1e-6, 3e-6);
    }

    [Fact]
    public void Kl_divergence_is_asymmetric()
    {
        double[] p = [0.9, 0.1], q = [0.5, 0.5];
        Assert.Equal(0.9 * Math.Log(1.8) + 0.1 * Math.Log(0.2), KlDivergence.Value(p, q), 14);
        Assert.Equal(0.5 * Math.Log(0.5 / 0.9) + 0.5 * Math.Log(0.5 / 0.1), KlDivergence.Value(q, p), 14);
        Assert.NotEqual(KlDivergence.Value(p, q), KlDivergence.Value(q, p), 3);
    }

    [Fact]
    public void Entropy_of_uniform_is_log_k_and_zero_probabilities_contribute_nothing()
    {
        Assert.Equal(Math.Log(4), Entropy.Value([0.25, 0.25, 0.25, 0.25]), 14);
        Assert.Equal(0.0, Entropy.Value([1.0, 0.0]));
        Assert.Equal(Math.Log(2), KlDivergence.Value([1.0, 0.0], [0.5, 0.5]), 14);
    }
}
