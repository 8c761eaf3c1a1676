namespace DlCourse.Metrics;

/// <summary>K×K counts: <c>this[t, p]</c> is how many samples of true class t were predicted as class p (rows = truth, columns = predicted).</summary>
public sealed class ConfusionMatrix
{
    private readonly int[,] counts;

    private ConfusionMatrix(int[,] counts) => this.counts = counts;

    /// <summary>Counts <paramref name="predicted"/> against <paramref name="truth"/> (predictions first, as in the losses).</summary>
    public static ConfusionMatrix From(int[] predicted, int[] truth, int classCount)
    {
        LabelInputs.Validate(predicted, truth, classCount);
        var counts = new int[classCount, classCount];
        for (int i = 0; i < truth.Length; i++) counts[truth[i], predicted[i]]++;
        return new ConfusionMatrix(counts);
    }

    public int ClassCount => counts.GetLength(0);

    public int this[int truth, int predicted] => counts[truth, predicted];

    public int Total => counts.Cast<int>().Sum();

    /// <summary>A copy of the counts as a K×K array.</summary>
    public int[,] ToArray() => (int[,])counts.Clone();

    /// <summary>Samples of class k predicted as k.</summary>
    public int TruePositives(int k) => counts[k, k];

    /// <summary>Samples predicted as k whose true class is another one (column k minus the diagonal).</summary>
    public int FalsePositives(int k) => Enumerable.Range(0, ClassCount).Sum(t => counts[t, k]) - counts[k, k];

    /// <summary>Samples of class k predicted as another class (row k minus the diagonal).</summary>
    public int FalseNegatives(int k) => Enumerable.Range(0, ClassCount).Sum(p => counts[k, p]) - counts[k, k];

    /// <summary>Samples predicted as a class other than their own: the off-diagonal total.</summary>
    public int Errors => Total - Enumerable.Range(0, ClassCount).Sum(k => counts[k, k]);

    /// <summary>Samples of one of <paramref name="classes"/> predicted as another of them, e.g. one garment taken for a similar one.</summary>
    public int ErrorsAmong(IReadOnlyCollection<int> classes)
    {
        ArgumentNullException.ThrowIfNull(classes);
        foreach (var k in classes)
            if (k < 0 || k >= ClassCount) throw new ArgumentOutOfRangeException(nameof(classes), k, $"Classes are 0..{ClassCount - 1}.");
        var set = classes.Distinct().ToList();
        return set.Sum(t => set.Where(p => p != t).Sum(p => counts[t, p]));
    }

    /// <summary>The <paramref name="count"/> largest off-diagonal cells (all when null), largest first (ties in row-major
    /// order): which true classes the model takes most often for which others.</summary>
    public IReadOnlyList<(int Truth, int Predicted, int Count)> MostFrequentErrors(int? count = null)
    {
        if (count is < 0) throw new ArgumentOutOfRangeException(nameof(count), count, "count must be ≥ 0 (or null for all).");
        var cells = from t in Enumerable.Range(0, ClassCount)
                    from p in Enumerable.Range(0, ClassCount)
                    where t != p
                    orderby counts[t, p] descending
                    select (t, p, counts[t, p]);
        return cells.Take(count ?? int.MaxValue).ToList();
    }

    public override string ToString()
    {
        var lines = new List<string> { "truth \\ predicted  " + string.Join(" ", Enumerable.Range(0, ClassCount).Select(p => $"{p,6}")) };
        for (int t = 0; t < ClassCount; t++)
            lines.Add($"{t,17}  " + string.Join(" ", Enumerable.Range(0, ClassCount).Select(p => $"{counts[t, p],6}")));
        return string.Join(Environment.NewLine, lines);
    }
}
