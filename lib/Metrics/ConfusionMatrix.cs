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

    /// <summary>The <paramref name="count"/> largest off-diagonal cells, largest first (ties in row-major order): which true
    /// classes the model takes most often for which others.</summary>
    public IReadOnlyList<(int Truth, int Predicted, int Count)> MostFrequentErrors(int count)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(count);
        return (from t in Enumerable.Range(0, ClassCount)
                from p in Enumerable.Range(0, ClassCount)
                where t != p
                orderby counts[t, p] descending
                select (t, p, counts[t, p])).Take(count).ToList();
    }

    public override string ToString()
    {
        var lines = new List<string> { "truth \\ predicted  " + string.Join(" ", Enumerable.Range(0, ClassCount).Select(p => $"{p,6}")) };
        for (int t = 0; t < ClassCount; t++)
            lines.Add($"{t,17}  " + string.Join(" ", Enumerable.Range(0, ClassCount).Select(p => $"{counts[t, p],6}")));
        return string.Join(Environment.NewLine, lines);
    }
}
