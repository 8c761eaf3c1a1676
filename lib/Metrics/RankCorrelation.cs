namespace DlCourse.Metrics;

/// <summary>Spearman's rank correlation: how closely two samples share one order (+1 the same, −1 reversed, about 0 unrelated).</summary>
public static class RankCorrelation
{
    /// <summary>Pearson's correlation of the ranks of <paramref name="a"/> and of <paramref name="b"/> (paired by position); NaN when either is all ties.</summary>
    public static double Spearman(IReadOnlyList<double> a, IReadOnlyList<double> b)
    {
        ArgumentNullException.ThrowIfNull(a);
        ArgumentNullException.ThrowIfNull(b);
        if (a.Count != b.Count) throw new ArgumentException($"a has {a.Count} values but b has {b.Count}; pass one pair per item.", nameof(b));
        if (a.Count < 2) throw new ArgumentException("A rank correlation needs at least two pairs.", nameof(a));
        var (ra, rb) = (Ranks(a), Ranks(b));
        var (meanA, meanB) = (ra.Average(), rb.Average());
        // Ranks are halves of whole numbers, so these sums are exact: no order gives a ρ of 1e-17 for a true 0.
        double covariance = 0, squaresA = 0, squaresB = 0;
        for (var i = 0; i < ra.Length; i++)
        {
            covariance += (ra[i] - meanA) * (rb[i] - meanB);
            squaresA += (ra[i] - meanA) * (ra[i] - meanA);
            squaresB += (rb[i] - meanB) * (rb[i] - meanB);
        }
        return covariance / Math.Sqrt(squaresA * squaresB);
    }

    /// <summary>Rank 1 for the smallest value up to n for the largest; tied values share the mean of the ranks they span.</summary>
    public static double[] Ranks(IReadOnlyList<double> values)
    {
        ArgumentNullException.ThrowIfNull(values);
        if (values.Any(double.IsNaN)) throw new ArgumentException("NaN has no rank.", nameof(values));
        // Below: the values smaller than v; ties: the values equal to v, v included. They take ranks below + 1 … below + ties.
        return values.Select(v => values.Count(x => x < v) + (values.Count(x => x == v) + 1) / 2.0).ToArray();
    }
}
