using DlCourse.Data;
using DlCourse.Derivations;

namespace DlCourse.Tests.Derivations;

public class DivergenceApproachTests
{
    // Written out here, independently of any library code: Σ p log(p/q).
    private static double Kl(double[] p, double[] q) => p.Select((pk, k) => pk * Math.Log(pk / q[k])).Sum();

    private static (double[] P, double[] Direction) Start(int seed)
    {
        var random = new Random(seed);
        var p = Synthetic.ProbabilityVector(random, 4);
        return (p, Synthetic.ProbabilityVector(random, 4).Zip(p, (a, c) => a - c).ToArray());
    }

    [Fact]
    public void Kl_divergence_and_the_second_order_term_are_the_direct_ones_and_meet_as_epsilon_shrinks()
    {
        var (p, d) = Start(5);
        var approach = DivergenceApproach.Measure(Kl, p, d, [0.5, 1e-2, 1e-4]);
        for (int i = 0; i < 3; i++)
        {
            double eps = approach.Epsilons[i];
            var q = p.Select((pk, k) => pk + eps * d[k]).ToArray();
            Assert.Equal(Kl(p, q), approach.Divergences[i], 15);
            Assert.Equal(eps * eps / 2 * p.Select((pk, k) => d[k] * d[k] / pk).Sum(), approach.HalfChiSquared[i], 12);
        }
        // Taylor: D(P‖P + εd) = ½χ² + O(ε³), so the ratio tends to 1.
        Assert.InRange(approach.Divergences[2] / approach.HalfChiSquared[2], 1 - 1e-3, 1 + 1e-3);
        Assert.Equal("ε = 0.5: D(P‖Q) = " + approach.Divergences[0].ToString("G4", System.Globalization.CultureInfo.InvariantCulture),
            approach.ToString().Split('\n')[0].Split(',')[0]);
        Assert.Equal(3, approach.ToString().Split('\n').Length);
    }

    [Fact]
    public void A_nan_divergence_stays_nan()
    {
        var (p, d) = Start(6);
        var approach = DivergenceApproach.Measure((_, _) => double.NaN, p, d, [0.1]);
        Assert.True(double.IsNaN(approach.Divergences[0]));
        Assert.False(approach.Divergences.Min() > 0);
    }

    [Fact]
    public void Bad_arguments_are_refused()
    {
        var (p, d) = Start(7);
        Assert.Throws<ArgumentNullException>(() => DivergenceApproach.Measure(null!, p, d, [0.1]));
        Assert.Throws<ArgumentException>(() => DivergenceApproach.Measure(Kl, p, d[..3], [0.1]));
        Assert.Throws<ArgumentOutOfRangeException>(() => DivergenceApproach.Measure(Kl, [0.5, 0.5, 0], [0.1, -0.1, 0], [0.1]));
        Assert.Throws<ArgumentException>(() => DivergenceApproach.Measure(Kl, p, p, [0.1]));
        Assert.Throws<ArgumentOutOfRangeException>(() => DivergenceApproach.Measure(Kl, p, d, []));
        Assert.Throws<ArgumentOutOfRangeException>(() => DivergenceApproach.Measure(Kl, p, d, [double.NaN]));
        Assert.Throws<ArgumentOutOfRangeException>(() => DivergenceApproach.Measure(Kl, [0.5, 0.5], [1, -1], [1]));
    }
}
