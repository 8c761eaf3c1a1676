using System.Globalization;

namespace DlCourse.Derivations;

/// <summary>A divergence D(P‖Q) as Q = P + ε·direction approaches P, beside its second-order term ½ Σ (q − p)²/p, for each ε.</summary>
public sealed record DivergenceApproach(IReadOnlyList<double> Epsilons, IReadOnlyList<double> Divergences, IReadOnlyList<double> HalfChiSquared)
{
    /// <summary>Evaluates <paramref name="divergence"/>(p, q) and ½ Σ (q − p)²/p at q = p + ε·direction for each ε; a NaN divergence
    /// is kept as NaN. Every p_k must be positive, and every q a distribution (the direction sums to 0, no entry below 0).</summary>
    public static DivergenceApproach Measure(Func<double[], double[], double> divergence, double[] p, double[] direction,
        IReadOnlyList<double> epsilons)
    {
        ArgumentNullException.ThrowIfNull(divergence);
        ArgumentNullException.ThrowIfNull(p);
        ArgumentNullException.ThrowIfNull(direction);
        ArgumentNullException.ThrowIfNull(epsilons);
        if (p.Length == 0 || p.Length != direction.Length)
            throw new ArgumentException($"P and the direction need the same, non-zero length (got {p.Length} and {direction.Length}).", nameof(direction));
        if (p.Any(v => !(v > 0) || !double.IsFinite(v)))
            throw new ArgumentOutOfRangeException(nameof(p), "every p_k must be positive and finite: the second-order term divides by it");
        if (direction.Any(v => !double.IsFinite(v)) || Math.Abs(direction.Sum()) > 1e-9)
            throw new ArgumentException("The direction must be finite and sum to 0, so that every Q sums to 1.", nameof(direction));
        if (epsilons.Count == 0 || epsilons.Any(e => !double.IsFinite(e)))
            throw new ArgumentOutOfRangeException(nameof(epsilons), "give at least one ε, every one finite");
        var divergences = new double[epsilons.Count];
        var quadratic = new double[epsilons.Count];
        for (int i = 0; i < epsilons.Count; i++)
        {
            double eps = epsilons[i];
            var q = p.Zip(direction, (a, d) => a + eps * d).ToArray();
            if (q.Any(v => v < 0))
                throw new ArgumentOutOfRangeException(nameof(epsilons), eps, "at this ε some q_k is negative: Q is not a distribution");
            divergences[i] = divergence(p, q);
            quadratic[i] = 0.5 * p.Select((pk, k) => Math.Pow(q[k] - pk, 2) / pk).Sum();
        }
        return new DivergenceApproach([.. epsilons], divergences, quadratic);
    }

    /// <summary>One line per ε: the divergence and the second-order term, to four significant digits.</summary>
    public override string ToString() => string.Join("\n", Epsilons.Select((eps, i) => string.Create(CultureInfo.InvariantCulture,
        $"ε = {eps:G1}: D(P‖Q) = {Divergences[i]:G4}, ½χ² = {HalfChiSquared[i]:G4}")));
}
