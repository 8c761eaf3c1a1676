using DlCourse.Numerics;
using MathNet.Numerics.LinearAlgebra;

namespace DlCourse.Derivations;

/// <summary>The mean cross-entropy of softmax regression Ŷ = softmax(XWᵀ + 1bᵀ), W of shape K×D, b of length K, X of shape n×D,
/// in double precision: the function a gradient check differentiates. Its parameters flatten to θ = (W row by row, then b).</summary>
/// <remarks>No gradient here: a question asks for it, and the student build carries no answer.</remarks>
public sealed class SoftmaxRegressionLoss
{
    private readonly Matrix<double> features;
    private readonly Matrix<double> targets;

    public SoftmaxRegressionLoss(Matrix<double> features, int[] labels, int classCount)
    {
        ArgumentNullException.ThrowIfNull(features);
        if (labels.Length != features.RowCount)
            throw new ArgumentException($"features has {features.RowCount} rows (samples) but there are {labels.Length} labels; pass one label per row.", nameof(labels));
        this.features = features;
        targets = OneHot.Matrix(labels, classCount);
    }

    public int ClassCount => targets.ColumnCount;
    public int FeatureCount => features.ColumnCount;
    public int ParameterCount => ClassCount * FeatureCount + ClassCount;

    /// <summary>"W[k,d]" row by row, then "b[k]": labels for a <see cref="GradientCheck"/> table, in the order of <see cref="Pack"/>.</summary>
    public IReadOnlyList<string> ParameterNames =>
    [
        .. from k in Enumerable.Range(0, ClassCount) from d in Enumerable.Range(0, FeatureCount) select $"W[{k},{d}]",
        .. Enumerable.Range(0, ClassCount).Select(k => $"b[{k}]"),
    ];

    /// <summary>The n×K logits Z = XWᵀ + 1bᵀ.</summary>
    public Matrix<double> Logits(Matrix<double> weights, double[] bias)
    {
        if (weights.RowCount != ClassCount || weights.ColumnCount != FeatureCount)
            throw new ArgumentException($"W must be K×D = {ClassCount}×{FeatureCount} (one row per class) but is {weights.RowCount}×{weights.ColumnCount}.", nameof(weights));
        if (bias.Length != ClassCount)
            throw new ArgumentException($"b must have K = {ClassCount} entries (one per class) but has {bias.Length}.", nameof(bias));
        var z = features.TransposeAndMultiply(weights);
        for (int i = 0; i < z.RowCount; i++)
            for (int k = 0; k < ClassCount; k++) z[i, k] += bias[k];
        return z;
    }

    public double Value(Matrix<double> weights, double[] bias) => CrossEntropyWithLogits.Value(Logits(weights, bias), targets);

    public double Value(double[] parameters) { var (w, b) = Unpack(parameters); return Value(w, b); }

    public double[] Pack(Matrix<double> weights, double[] bias) => [.. weights.ToRowMajorArray(), .. bias];

    public (Matrix<double> Weights, double[] Bias) Unpack(double[] parameters)
    {
        if (parameters.Length != ParameterCount)
            throw new ArgumentException($"Expected K·D + K = {ParameterCount} parameters but got {parameters.Length}.", nameof(parameters));
        var w = Matrix<double>.Build.DenseOfRowMajor(ClassCount, FeatureCount, parameters[..(ClassCount * FeatureCount)]);
        return (w, parameters[(ClassCount * FeatureCount)..]);
    }
}
