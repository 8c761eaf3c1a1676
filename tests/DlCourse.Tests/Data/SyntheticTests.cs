using DlCourse.Data;

namespace DlCourse.Tests.Data;

public class SyntheticTests
{
    [Fact]
    public void A_probability_vector_is_positive_and_sums_to_one()
    {
        var random = new Random(4);
        for (int k = 1; k <= 10; k++)
        {
            var p = Synthetic.ProbabilityVector(random, k);
            Assert.Equal(k, p.Length);
            Assert.All(p, v => Assert.True(v > 0));
            Assert.Equal(1.0, p.Sum(), 14);
        }
        Assert.Equal(new[] { 1.0 }, Synthetic.ProbabilityVector(random, 1));
    }

    [Fact]
    public void Probability_vectors_are_exponential_draws_normalised_so_uniform_on_the_simplex()
    {
        // The same seed gives −log(1 − u) for each uniform u, divided by their sum.
        var u = new Random(9);
        var e = Enumerable.Range(0, 3).Select(_ => -Math.Log(1 - u.NextDouble())).ToArray();
        Assert.Equal(e.Select(v => v / e.Sum()).ToArray(), Synthetic.ProbabilityVector(new Random(9), 3));

        // Dirichlet(1, 1, 1): each entry has mean 1/3 and P(p₁ > ½) = (1 − ½)² = ¼.
        var random = new Random(5);
        var draws = Enumerable.Range(0, 20_000).Select(_ => Synthetic.ProbabilityVector(random, 3)).ToArray();
        for (int k = 0; k < 3; k++) Assert.InRange(draws.Average(p => p[k]), 0.32, 0.345);
        Assert.InRange(draws.Count(p => p[0] > 0.5) / 20_000.0, 0.24, 0.26);
    }

    [Fact]
    public void Rejects_an_empty_vector()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => Synthetic.ProbabilityVector(new Random(1), 0));
        Assert.Throws<ArgumentNullException>(() => Synthetic.ProbabilityVector(null!, 2));
    }
}
