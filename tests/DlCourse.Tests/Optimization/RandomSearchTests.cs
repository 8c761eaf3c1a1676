using DlCourse.Optimization;

namespace DlCourse.Tests.Optimization;

public class RandomSearchTests
{
    [Fact]
    public void Draws_read_the_generator_as_the_written_out_formulas_do()
    {
        var (a, b) = (new Random(2024), new Random(2024));
        int[] sizes = [16, 32, 64, 128];
        for (int i = 0; i < 50; i++)
        {
            Assert.Equal(sizes[b.Next(sizes.Length)], a.Pick(sizes));
            // Log-uniform on [0.01, 1]: 10^(−2 + 2u), bit for bit.
            Assert.Equal(Math.Pow(10, -2 + 2 * b.NextDouble()), a.LogUniform(0.01, 1));
        }
    }

    [Fact]
    public void Log_uniform_values_spread_evenly_over_the_decades()
    {
        var random = new Random(1);
        var values = Enumerable.Range(0, 20_000).Select(_ => random.LogUniform(1e-3, 1)).ToArray();
        Assert.All(values, v => Assert.InRange(v, 1e-3, 1));
        // Three decades, each about a third of the draws (the standard error of a third of 20 000 is about 0.0033).
        foreach (var (low, high) in new[] { (1e-3, 1e-2), (1e-2, 1e-1), (1e-1, 1.0) })
            Assert.InRange(values.Count(v => v >= low && v < high) / 20_000.0, 0.32, 0.347);
    }

    [Fact]
    public void Arguments_are_validated()
    {
        var random = new Random(1);
        Assert.Throws<ArgumentException>(() => random.Pick(Array.Empty<int>()));
        Assert.Throws<ArgumentOutOfRangeException>(() => random.LogUniform(0, 1));
        Assert.Throws<ArgumentOutOfRangeException>(() => random.LogUniform(1, 0.1));
        Assert.Throws<ArgumentOutOfRangeException>(() => random.LogUniform(1, double.PositiveInfinity));
    }
}
