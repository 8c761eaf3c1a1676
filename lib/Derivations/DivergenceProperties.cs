using DlCourse.Numerics;

namespace DlCourse.Derivations;

/// <summary>How a divergence D(P‖Q) of two distributions behaves over many pairs: its largest gap from the cross-entropy
/// minus the entropy, its smallest value, its largest on equal arguments, and how often swapping the arguments changes it.</summary>
public sealed record DivergenceProperties(int Pairs, double WorstIdentityGap, double Smallest, double LargestSelf,
    int Asymmetric, double AsymmetryTolerance)
{
    /// <summary>Measures <paramref name="divergence"/>(p, q) on each pair; NaN in any value makes the statistic it enters
    /// NaN, and a NaN difference never counts as asymmetric.</summary>
    public static DivergenceProperties Measure(Func<double[], double[], double> divergence,
        IReadOnlyList<(double[] P, double[] Q)> pairs, double asymmetryTolerance = 1e-3)
    {
        ArgumentNullException.ThrowIfNull(divergence);
        ArgumentNullException.ThrowIfNull(pairs);
        if (pairs.Count == 0) throw new ArgumentException("There are no pairs to measure; pass at least one.", nameof(pairs));
        if (!(asymmetryTolerance >= 0) || double.IsInfinity(asymmetryTolerance))
            throw new ArgumentOutOfRangeException(nameof(asymmetryTolerance), asymmetryTolerance, "the tolerance must be finite and ≥ 0");
        foreach (var (p, q) in pairs)
            if (p is null || q is null || p.Length != q.Length || p.Length == 0)
                throw new ArgumentException("Every pair must hold two distributions of the same, non-zero length.", nameof(pairs));
        var forward = pairs.Select(d => divergence(d.P, d.Q)).ToArray();
        double gap = Check.MaxOf(pairs.Select((d, i) => Math.Abs(CrossEntropy.Value(d.Q, d.P) - (Entropy.Value(d.P) + forward[i]))));
        double smallest = -Check.MaxOf(forward.Select(v => -v));
        double largestSelf = Check.MaxOf(pairs.Select(d => Math.Abs(divergence(d.P, d.P))));
        int asymmetric = pairs.Select((d, i) => Math.Abs(forward[i] - divergence(d.Q, d.P))).Count(v => v > asymmetryTolerance);
        return new DivergenceProperties(pairs.Count, gap, smallest, largestSelf, asymmetric, asymmetryTolerance);
    }

    public override string ToString() =>
        $"{Pairs} pairs: max |H(P,Q) − H(P) − D(P‖Q)| = {WorstIdentityGap:G3}, min D(P‖Q) = {Smallest:G3}, max |D(P‖P)| = {LargestSelf:G3}, " +
        $"D(P‖Q) and D(Q‖P) differ by more than {AsymmetryTolerance:G3} for {Asymmetric} of them";
}
