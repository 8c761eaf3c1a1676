using DlCourse.Numerics;
using MathNet.Numerics.LinearAlgebra;

namespace DlCourse.Derivations;

/// <summary>The mean softmax cross-entropy of a network of linear layers with no biases and no activations, in double
/// precision, as a function of all its weights θ = (the first layer's matrix row by row, then the second's, …).</summary>
public sealed class DeepLinearLoss
{
    private readonly Matrix<double> features;
    private readonly int[] labels;
    private readonly (int Rows, int Columns)[] shapes;

    /// <summary>The network from the columns of <paramref name="features"/> to <paramref name="classCount"/> logits through
    /// layers of <paramref name="hiddenWidths"/> units, first layer first (none: one layer).</summary>
    public DeepLinearLoss(Matrix<double> features, int[] labels, int classCount, params int[] hiddenWidths)
    {
        ArgumentNullException.ThrowIfNull(features);
        ArgumentNullException.ThrowIfNull(labels);
        ArgumentNullException.ThrowIfNull(hiddenWidths);
        if (labels.Length != features.RowCount)
            throw new ArgumentException($"features has {features.RowCount} rows (samples) but there are {labels.Length} labels; pass one label per row.", nameof(labels));
        if (classCount < 2) throw new ArgumentOutOfRangeException(nameof(classCount), classCount, "a classifier needs at least 2 classes");
        if (labels.Any(c => c < 0 || c >= classCount)) throw new ArgumentException($"Every label must be a class in 0…{classCount - 1}.", nameof(labels));
        if (hiddenWidths.Any(h => h < 1)) throw new ArgumentException("Every hidden layer needs at least one unit.", nameof(hiddenWidths));
        this.features = features;
        this.labels = labels;
        int[] widths = [features.ColumnCount, .. hiddenWidths, classCount];
        shapes = Enumerable.Range(1, widths.Length - 1).Select(l => (widths[l], widths[l - 1])).ToArray();
    }

    /// <summary>The number of weights in all layers: the length of θ.</summary>
    public int ParameterCount => shapes.Sum(s => s.Rows * s.Columns);

    /// <summary>The layers' weight matrices, first layer first, read from θ.</summary>
    public IReadOnlyList<Matrix<double>> Layers(double[] parameters)
    {
        ArgumentNullException.ThrowIfNull(parameters);
        if (parameters.Length != ParameterCount)
            throw new ArgumentException($"Expected {ParameterCount} weights ({string.Join(" + ", shapes.Select(s => $"{s.Rows}×{s.Columns}"))}) but got {parameters.Length}.", nameof(parameters));
        var layers = new List<Matrix<double>>();
        int offset = 0;
        foreach (var (rows, columns) in shapes)
        {
            layers.Add(Matrix<double>.Build.DenseOfRowMajor(rows, columns, parameters[offset..(offset + rows * columns)]));
            offset += rows * columns;
        }
        return layers;
    }

    /// <summary>The mean cross-entropy over the samples of the logits the layers give, applied in turn to each row of the features.</summary>
    public double Value(double[] parameters)
    {
        var logits = features;
        foreach (var layer in Layers(parameters)) logits = logits * layer.Transpose();
        return CrossEntropyWithLogits.Value(logits, labels);
    }
}
