using DlCourse.Data;
using DlCourse.Numerics;
using MathNet.Numerics.LinearAlgebra;

namespace DlCourse.Derivations;

/// <summary>The mean loss of a logistic model ŷ = σ(Xw + b) with an L2 penalty on w (not b):
/// L(θ) = (1/m) Σ_i ℓ(z_i, y_i) + (λ/2)‖w‖², λ the weight decay (a penalty (λ/2m)‖w‖² is weight decay λ/m),
/// with parameters θ = (w_1, …, w_d, b), bias last; in double precision, for checks and curvature.</summary>
/// <remarks>No gradient here: questions ask for it, and the student build carries no answer.</remarks>
public sealed class LogisticModelLoss
{
    private readonly Matrix<double> augmented;
    private readonly double[] targets;

    public LogisticModelLoss(LogisticLossKind kind, Matrix<double> features, double[] targets, double weightDecay = 0)
    {
        ArgumentNullException.ThrowIfNull(features);
        ArgumentNullException.ThrowIfNull(targets);
        if (features.RowCount == 0) throw new ArgumentException("There are no samples; pass at least one row of features.", nameof(features));
        if (targets.Length != features.RowCount)
            throw new ArgumentException($"features has {features.RowCount} rows (samples) but there are {targets.Length} targets; pass one target per row.", nameof(targets));
        Kind = kind;
        WeightDecay = L2Penalty.CheckWeightDecay(weightDecay, nameof(weightDecay));
        this.targets = (double[])targets.Clone();
        augmented = features.Append(Matrix<double>.Build.Dense(features.RowCount, 1, 1.0));
    }

    /// <summary>The loss over a two-class data set: its features, and its labels 0 and 1 as the targets.</summary>
    public LogisticModelLoss(LogisticLossKind kind, Dataset data, double weightDecay = 0)
        : this(kind, FeaturesOf(data), TargetsOf(data), weightDecay) { }

    public LogisticLossKind Kind { get; }
    /// <summary>λ of the penalty (λ/2)‖w‖².</summary>
    public double WeightDecay { get; }
    public int SampleCount => augmented.RowCount;

    /// <summary>d + 1: the weights then the bias.</summary>
    public int ParameterCount => augmented.ColumnCount;

    /// <summary>"w[0]", …, "w[d−1]", "b": labels for a <see cref="GradientCheck"/> table.</summary>
    public IReadOnlyList<string> ParameterNames => [.. Enumerable.Range(0, ParameterCount - 1).Select(j => $"w[{j}]"), "b"];

    /// <summary>The logits z = Xw + b.</summary>
    public double[] Logits(double[] parameters)
    {
        if (parameters.Length != ParameterCount)
            throw new ArgumentException($"Expected {ParameterCount} parameters (the {ParameterCount - 1} weights, then the bias) but got {parameters.Length}.", nameof(parameters));
        return (augmented * MathNet.Numerics.LinearAlgebra.Vector<double>.Build.Dense(parameters)).ToArray();
    }

    /// <summary>The predicted probabilities ŷ = σ(Xw + b).</summary>
    public double[] Probabilities(double[] parameters) => Sigmoid.Apply(Logits(parameters));

    public double Value(double[] parameters)
    {
        var z = Logits(parameters);
        double sum = 0;
        for (int i = 0; i < z.Length; i++) sum += SampleLoss(Kind, z[i], targets[i]);
        double penalty = 0;
        for (int j = 0; j < parameters.Length - 1; j++) penalty += parameters[j] * parameters[j];
        return sum / SampleCount + WeightDecay / 2 * penalty;
    }

    /// <summary>∇²L(θ), the (d + 1)×(d + 1) matrix of second derivatives, weights first.</summary>
    public Matrix<double> Hessian(double[] parameters)
    {
        var z = Logits(parameters);
        var curvature = MathNet.Numerics.LinearAlgebra.Vector<double>.Build.Dense(z.Length, i => SampleCurvature(Kind, z[i], targets[i]));
        var h = augmented.TransposeThisAndMultiply(Matrix<double>.Build.DenseOfDiagonalVector(curvature) * augmented) / SampleCount;
        for (int j = 0; j < parameters.Length - 1; j++) h[j, j] += WeightDecay;
        return h;
    }

    private static Matrix<double> FeaturesOf(Dataset data)
    {
        ArgumentNullException.ThrowIfNull(data);
        return Matrix<double>.Build.Dense(data.Count, data.FeatureCount, (i, j) => data[i, j]);
    }

    private static double[] TargetsOf(Dataset data) =>
        data.IsRegression || data.Labels.Any(y => y is not (0 or 1))
            ? throw new ArgumentException("A logistic model needs labels 0 and 1; this data set has others or real targets.", nameof(data))
            : data.Labels.Select(y => (double)y).ToArray();

    /// <summary>ℓ(z, y) of one sample: binary cross-entropy of σ(z), or the squared error (σ(z) − y)².</summary>
    public static double SampleLoss(LogisticLossKind kind, double z, double y) => kind switch
    {
        LogisticLossKind.CrossEntropy => BinaryCrossEntropyWithLogits.Value(z, y),
        _ => (Sigmoid.Apply(z) - y) * (Sigmoid.Apply(z) - y),
    };

    private static double SampleCurvature(LogisticLossKind kind, double z, double y)
    {
        double s = Sigmoid.Apply(z), ds = s * (1 - s);
        return kind == LogisticLossKind.CrossEntropy ? ds : 2 * ds * (ds + (s - y) * (1 - 2 * s));
    }
}
