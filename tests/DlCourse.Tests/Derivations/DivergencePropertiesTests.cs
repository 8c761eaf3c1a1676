using DlCourse.Data;
using DlCourse.Derivations;

namespace DlCourse.Tests.Derivations;

public class DivergencePropertiesTests
{
    // Written out here, independently of any library code: Σ p log(p/q), with 0·log 0 = 0.
    private static double Kl(double[] p, double[] q) => p.Select((pk, k) => pk == 0 ? 0 : pk * Math.Log(pk / q[k])).Sum();

    private static List<(double[] P, double[] Q)> Pairs(int seed, int count)
    {
        var random = new Random(seed);
        return Enumerable.Range(0, count).Select(t => Synthetic.ProbabilityVector(random, 2 + t % 5))
            .Select(p => (p, Synthetic.ProbabilityVector(random, p.Length))).ToList();
    }

    [Fact]
    public void Kl_divergence_closes_the_identity_is_positive_vanishes_on_equal_arguments_and_is_asymmetric()
    {
        var pairs = Pairs(1, 300);
        var kl = DivergenceProperties.Measure(Kl, pairs);
        Assert.Equal(300, kl.Pairs);
        Assert.InRange(kl.WorstIdentityGap, 0, 1e-12);
        Assert.Equal(pairs.Min(d => Kl(d.P, d.Q)), kl.Smallest);
        Assert.True(kl.Smallest > 0);
        Assert.Equal(0, kl.LargestSelf);
        Assert.Equal(pairs.Count(d => Math.Abs(Kl(d.P, d.Q) - Kl(d.Q, d.P)) > 1e-3), kl.Asymmetric);
        Assert.Contains("300 pairs", kl.ToString());
    }

    [Fact]
    public void Statistics_are_the_brute_force_ones_for_another_divergence()
    {
        // Squared Euclidean distance plus 1: symmetric, never zero, and far from closing the identity.
        static double Shifted(double[] p, double[] q) => 1 + p.Select((pk, k) => (pk - q[k]) * (pk - q[k])).Sum();
        var pairs = Pairs(2, 50);
        var d = DivergenceProperties.Measure(Shifted, pairs, asymmetryTolerance: 0);
        double H(double[] p) => -p.Sum(v => v * Math.Log(v));
        double Cross(double[] p, double[] q) => -p.Select((pk, k) => pk * Math.Log(q[k])).Sum();
        Assert.Equal(pairs.Max(x => Math.Abs(Cross(x.P, x.Q) - H(x.P) - Shifted(x.P, x.Q))), d.WorstIdentityGap, 12);
        Assert.Equal(pairs.Min(x => Shifted(x.P, x.Q)), d.Smallest);
        Assert.Equal(1, d.LargestSelf);
        Assert.Equal(0, d.Asymmetric);
    }

    [Fact]
    public void A_nan_does_not_slip_through()
    {
        var pairs = Pairs(3, 20);
        int calls = 0;
        var d = DivergenceProperties.Measure((p, q) => ++calls == 7 ? double.NaN : Kl(p, q), pairs);
        Assert.True(double.IsNaN(d.WorstIdentityGap));   // the 7th call is in the first pass over the pairs
        var allNaN = DivergenceProperties.Measure((_, _) => double.NaN, pairs);
        Assert.True(double.IsNaN(allNaN.WorstIdentityGap));
        Assert.True(double.IsNaN(allNaN.Smallest));
        Assert.True(double.IsNaN(allNaN.LargestSelf));
        Assert.Equal(0, allNaN.Asymmetric);
    }

    [Fact]
    public void Rejects_bad_arguments()
    {
        var pairs = Pairs(4, 3);
        Assert.Throws<ArgumentNullException>(() => DivergenceProperties.Measure(null!, pairs));
        Assert.Throws<ArgumentNullException>(() => DivergenceProperties.Measure(Kl, null!));
        Assert.Throws<ArgumentException>(() => DivergenceProperties.Measure(Kl, []));
        Assert.Throws<ArgumentException>(() => DivergenceProperties.Measure(Kl, [([0.5, 0.5], [1.0])]));
        Assert.Throws<ArgumentOutOfRangeException>(() => DivergenceProperties.Measure(Kl, pairs, -1));
        Assert.Throws<ArgumentOutOfRangeException>(() => DivergenceProperties.Measure(Kl, pairs, double.NaN));
    }
}
