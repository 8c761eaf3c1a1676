namespace DlCourse.Data;

/// <summary>
/// Examples as rows of a feature matrix (float32, row-major, <see cref="Count"/> × <see cref="FeatureCount"/>) with an
/// integer label per row or, for regression (<see cref="Regression(IReadOnlyList{double[]}, double[])"/>), a real-valued target
/// per row.
/// </summary>
public sealed class Dataset
{
    public Dataset(float[] features, int featureCount, int[] labels, int? classCount = null, float[]? targets = null)
    {
        ArgumentNullException.ThrowIfNull(features);
        ArgumentNullException.ThrowIfNull(labels);
        if (featureCount <= 0) throw new ArgumentOutOfRangeException(nameof(featureCount), "a dataset needs at least one feature");
        if (features.Length != labels.Length * featureCount)
            throw new ArgumentException($"features hold {features.Length} values but {labels.Length} rows × {featureCount} features need {labels.Length * featureCount}");
        if (targets is not null && targets.Length != labels.Length)
            throw new ArgumentException($"{targets.Length} targets for {labels.Length} rows");
        Features = features;
        FeatureCount = featureCount;
        Labels = labels;
        Targets = targets;
        ClassCount = classCount ?? (labels.Length == 0 ? 0 : labels.Max() + 1);
        // A regression set has no classes: its labels are all 0 and say nothing.
        int labelBound = IsRegression ? 1 : ClassCount;
        if (labels.Length > 0 && (labels.Min() < 0 || labels.Max() >= labelBound))
            throw new ArgumentException(IsRegression ? "a regression set (no classes) has no labels" : $"labels must lie in 0..{ClassCount - 1}");
    }

    /// <summary>A regression set, one real target per row, e.g. <c>Dataset.Regression([[0.5, 1], [1.5, 0]], [1.0, 2.0])</c>.</summary>
    public static Dataset Regression(IReadOnlyList<double[]> rows, double[] targets)
    {
        ArgumentNullException.ThrowIfNull(targets);
        return FromRows(rows, new int[rows.Count], 0, Array.ConvertAll(targets, t => (float)t));
    }

    /// <summary>A regression set with one feature, e.g. <c>Dataset.Regression(x, y)</c> for points (xᵢ, yᵢ).</summary>
    public static Dataset Regression(double[] x, double[] y)
    {
        ArgumentNullException.ThrowIfNull(x);
        return Regression(Array.ConvertAll(x, v => new[] { v }), y);
    }

    /// <summary>Rows from a jagged array, e.g. <c>Dataset.FromRows([[0, 0], [0, 1]], [0, 1])</c>.</summary>
    public static Dataset FromRows(IReadOnlyList<double[]> rows, int[] labels, int? classCount = null, float[]? targets = null)
    {
        if (rows.Count == 0) throw new ArgumentException("no rows");
        int d = rows[0].Length;
        var features = new float[rows.Count * d];
        for (int i = 0; i < rows.Count; i++)
        {
            if (rows[i].Length != d) throw new ArgumentException($"row {i} has {rows[i].Length} values, row 0 has {d}");
            for (int j = 0; j < d; j++) features[i * d + j] = (float)rows[i][j];
        }
        return new Dataset(features, d, labels, classCount, targets);
    }

    /// <summary>Feature values, row after row.</summary>
    public float[] Features { get; }
    public int FeatureCount { get; }
    /// <summary>The class of each row (all 0 for a regression set).</summary>
    public int[] Labels { get; }
    /// <summary>Real-valued targets for regression; null for classification sets.</summary>
    public float[]? Targets { get; }
    /// <summary>The number of classes; 0 for a regression set.</summary>
    public int ClassCount { get; }
    /// <summary>True for a regression set: targets and no classes.</summary>
    public bool IsRegression => Targets is not null && ClassCount == 0;
    public int Count => Labels.Length;

    /// <summary>Feature <paramref name="column"/> of example <paramref name="row"/>.</summary>
    public float this[int row, int column] => Features[row * FeatureCount + column];

    /// <summary>The features of one example.</summary>
    public ReadOnlySpan<float> Row(int row) => Features.AsSpan(row * FeatureCount, FeatureCount);

    /// <summary>One feature over every example, e.g. for a scatter plot.</summary>
    public double[] Column(int column) => Enumerable.Range(0, Count).Select(i => (double)this[i, column]).ToArray();

    /// <summary>The target of a row for regression: its <see cref="Targets"/> value, else its label.</summary>
    public float Target(int row) => Targets is null ? Labels[row] : Targets[row];

    /// <summary>The examples at <paramref name="rows"/>, in that order.</summary>
    public Dataset Select(IReadOnlyList<int> rows)
    {
        var features = new float[rows.Count * FeatureCount];
        var labels = new int[rows.Count];
        var targets = Targets is null ? null : new float[rows.Count];
        for (int i = 0; i < rows.Count; i++)
        {
            Row(rows[i]).CopyTo(features.AsSpan(i * FeatureCount, FeatureCount));
            labels[i] = Labels[rows[i]];
            if (targets is not null) targets[i] = Targets![rows[i]];
        }
        return new Dataset(features, FeatureCount, labels, ClassCount, targets);
    }

    /// <summary>The first <paramref name="count"/> examples (all when there are fewer).</summary>
    public Dataset Take(int count) => Select(Enumerable.Range(0, Math.Min(count, Count)).ToArray());

    /// <summary>The examples in random order, reproducible from <paramref name="seed"/>.</summary>
    public Dataset Shuffle(int seed)
    {
        var order = Enumerable.Range(0, Count).ToArray();
        new Random(seed).Shuffle(order);
        return Select(order);
    }

    /// <summary>
    /// Splits off a random <paramref name="fraction"/> of the examples (reproducible from <paramref name="seed"/>):
    /// <c>var (train, validation) = data.Split(0.1, seed: 1);</c>
    /// </summary>
    public (Dataset Remainder, Dataset Part) Split(double fraction, int seed)
    {
        if (!(fraction > 0 && fraction < 1)) throw new ArgumentOutOfRangeException(nameof(fraction), "the fraction must lie strictly between 0 and 1");
        var order = Enumerable.Range(0, Count).ToArray();
        new Random(seed).Shuffle(order);
        int part = (int)Math.Round(Count * fraction);
        return (Select(order[part..]), Select(order[..part]));
    }

    /// <summary>Only the examples of two classes, relabelled <paramref name="negative"/> → 0 and <paramref name="positive"/> → 1, for binary classifiers.</summary>
    public Dataset Binary(int negative, int positive)
    {
        foreach (var (k, name) in new[] { (negative, nameof(negative)), (positive, nameof(positive)) })
            if (k < 0 || k >= ClassCount) throw new ArgumentOutOfRangeException(name, k, $"The set's classes are 0 to {ClassCount - 1}.");
        if (negative == positive) throw new ArgumentException($"The two classes must differ; both are {negative}.", nameof(positive));
        var rows = Enumerable.Range(0, Count).Where(i => Labels[i] == negative || Labels[i] == positive).ToArray();
        var subset = Select(rows);
        var labels = subset.Labels.Select(l => l == positive ? 1 : 0).ToArray();
        return new Dataset(subset.Features, FeatureCount, labels, 2);
    }

    /// <summary>The same features with new labels, e.g. every label set to 1.</summary>
    public Dataset WithLabels(int[] labels, int? classCount = null) => new(Features, FeatureCount, labels, classCount, Targets);

    /// <summary>Examples per class, for checking balance.</summary>
    public int[] ClassCounts()
    {
        var counts = new int[ClassCount];
        foreach (var label in Labels) counts[label]++;
        return counts;
    }

    /// <summary>Each class's mean input (the centre of its examples), by class; a class without examples has NaN means.</summary>
    public IReadOnlyList<double[]> ClassMeans()
    {
        if (ClassCount == 0) throw new InvalidOperationException("A regression data set has no classes.");
        var sums = new double[ClassCount, FeatureCount];
        var counts = ClassCounts();
        for (int i = 0; i < Count; i++)
            for (int j = 0; j < FeatureCount; j++) sums[Labels[i], j] += this[i, j];
        return Enumerable.Range(0, ClassCount).Select(k => Enumerable.Range(0, FeatureCount).Select(j => sums[k, j] / counts[k]).ToArray()).ToList();
    }

    public override string ToString() => $"Dataset: {Count} examples × {FeatureCount} features, {(IsRegression ? "real targets" : $"{ClassCount} classes")}";
}
