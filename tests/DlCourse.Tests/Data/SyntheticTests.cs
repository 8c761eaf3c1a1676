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

    [Fact]
    public void Uniform_draws_are_half_width_times_two_u_minus_one_in_the_random_s_order()
    {
        var u = new Random(12);
        var expected = Enumerable.Range(0, 5).Select(_ => 3 * (2 * u.NextDouble() - 1)).ToArray();
        Assert.Equal(expected, Synthetic.UniformVector(new Random(12), 5, 3));

        // A matrix is filled column by column (MathNet's storage order), each entry one draw.
        var w = new Random(13);
        var columnMajor = Enumerable.Range(0, 6).Select(_ => 0.5 * (2 * w.NextDouble() - 1)).ToArray();
        var m = Synthetic.UniformMatrix(new Random(13), 2, 3, 0.5);
        Assert.Equal((2, 3), (m.RowCount, m.ColumnCount));
        Assert.Equal(columnMajor, m.ToColumnMajorArray());
        // u − ½ = ½(2u − 1) exactly: scaling by a power of two does not round.
        var v = new Random(13);
        Assert.Equal(Enumerable.Range(0, 6).Select(_ => v.NextDouble() - 0.5).ToArray(), m.ToColumnMajorArray());
    }

    [Fact]
    public void Uniform_draws_cover_the_interval_evenly()
    {
        var draws = Synthetic.UniformVector(new Random(3), 20_000, 4);
        Assert.All(draws, d => Assert.InRange(d, -4, 4));
        Assert.InRange(draws.Average(), -0.1, 0.1);
        Assert.InRange(draws.Count(d => d > 2) / 20_000.0, 0.24, 0.26);
        Assert.Empty(Synthetic.UniformVector(new Random(3), 0));
    }

    [Fact]
    public void Uniform_draws_reject_bad_arguments()
    {
        Assert.Throws<ArgumentNullException>(() => Synthetic.UniformVector(null!, 2));
        Assert.Throws<ArgumentOutOfRangeException>(() => Synthetic.UniformVector(new Random(1), -1));
        Assert.Throws<ArgumentOutOfRangeException>(() => Synthetic.UniformVector(new Random(1), 2, 0));
        Assert.Throws<ArgumentOutOfRangeException>(() => Synthetic.UniformVector(new Random(1), 2, double.NaN));
        Assert.Throws<ArgumentOutOfRangeException>(() => Synthetic.UniformMatrix(new Random(1), 2, -1));
        Assert.Throws<ArgumentOutOfRangeException>(() => Synthetic.UniformMatrix(new Random(1), 2, 2, double.PositiveInfinity));
        Assert.Throws<ArgumentNullException>(() => Synthetic.UniformMatrix(null!, 2, 2));
    }

    [Fact]
    public void NoisyLine_draws_the_inputs_first_then_the_targets_around_the_line()
    {
        var (x, data) = Synthetic.NoisyLine(count: 50, slope: 1.5, intercept: -2, inputMean: 2, inputSpread: 0.5, noise: 0.3, seed: 3);
        var random = new Random(3);
        var expectedX = Enumerable.Range(0, 50).Select(_ => 2 + 0.5 * Synthetic.Normal(random)).ToArray();
        var expectedY = expectedX.Select(v => 1.5 * v - 2 + 0.3 * Synthetic.Normal(random)).ToArray();
        Assert.Equal(expectedX, x);
        Assert.Equal(expectedY.Select(v => (float)v), data.Targets!);
        Assert.Equal(expectedX.Select(v => (float)v), data.Features);
        Assert.Throws<ArgumentOutOfRangeException>(() => Synthetic.NoisyLine(0, 1, 0, 0, 1, 0.1, 1));
        Assert.Throws<ArgumentException>(() => Synthetic.NoisyLine(10, double.NaN, 0, 0, 1, 0.1, 1));
        Assert.Throws<ArgumentOutOfRangeException>(() => Synthetic.NoisyLine(10, 1, 0, 0, -1, 0.1, 1));
    }
}
