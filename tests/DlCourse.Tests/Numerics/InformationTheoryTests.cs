using DlCourse.Numerics;

namespace DlCourse.Tests.Numerics;

public class InformationTheoryTests
{
    [Fact]
    public void Cross_entropy_exceeds_entropy_except_for_equal_distributions()
    {
        var rng = new Random(12);
        for (int trial = 0; trial < 50; trial++)
        {
            var p = TestData.Distribution(rng, 2 + trial % 6);
            var q = TestData.Distribution(rng, p.Length);
            Assert.True(CrossEntropy.Value(q, p) - Entropy.Value(p) > 0);
            Assert.Equal(Entropy.Value(p), CrossEntropy.Value(p, p), 14);
        }
        // H(P, Q) − H(P) = Σ p log(p/q), worked out for P = (0.9, 0.1), Q = (0.5, 0.5).
        Assert.Equal(0.9 * Math.Log(1.8) + 0.1 * Math.Log(0.2), CrossEntropy.Value([0.5, 0.5], [0.9, 0.1]) - Entropy.Value([0.9, 0.1]), 14);
    }

    [Fact]
    public void Entropy_of_uniform_is_log_k_and_zero_probabilities_contribute_nothing()
    {
        Assert.Equal(Math.Log(4), Entropy.Value([0.25, 0.25, 0.25, 0.25]), 14);
        Assert.Equal(0.0, Entropy.Value([1.0, 0.0]));
        Assert.Equal(Math.Log(2), CrossEntropy.Value([0.5, 0.5], [1.0, 0.0]), 14);
    }
}
