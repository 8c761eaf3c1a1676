using DlCourse.Autodiff;
using DlCourse.Data;
using DlCourse.Numerics;

namespace DlCourse.Models;

/// <summary>
/// ŷ = σ(wᵀx + b) with loss = mean binary cross-entropy + (λ/2)‖w‖², λ the weight decay (bias not penalised):
/// parameters w, then b. The gradient is a subclass's: <see cref="LogisticRegression"/>, or a class written in a notebook
/// that overrides <c>Backward</c>.
/// </summary>
public abstract class LogisticClassifier : Model
{
    protected LogisticClassifier(int featureCount, double weightDecay = 0)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(featureCount, 1);
        FeatureCount = featureCount;
        WeightDecay = weightDecay;
        w = AddParameter("w", featureCount);
        b = AddParameter("b", 1);
    }

#pragma warning disable IDE1006 // w and b, as in the formula
    /// <summary>The weights, one per feature.</summary>
    public Parameter w { get; }

    /// <summary>The bias (one entry).</summary>
    public Parameter b { get; }
#pragma warning restore IDE1006

    public int FeatureCount { get; }

    /// <summary>λ of the penalty (λ/2)‖w‖²; finite and ≥ 0.</summary>
    public double WeightDecay { get => weightDecay; set => weightDecay = L2Penalty.CheckWeightDecay(value, nameof(WeightDecay)); }
    private double weightDecay;

    public Span<float> Weights => w.Value;

    public float Bias { get => b.Value[0]; set => b.Value[0] = value; }

    /// <summary>z = wᵀx + b.</summary>
    public double Logit(ReadOnlySpan<float> x)
    {
        if (x.Length != FeatureCount) throw new ArgumentException($"the model expects {FeatureCount} features, got {x.Length}");
        return VectorKernels.Dot(w.Value, x) + b.Value[0];
    }

    /// <summary>P(y = 1 | x) = σ(wᵀx + b).</summary>
    public double Probability(ReadOnlySpan<float> x) => Sigmoid.Apply(Logit(x));

    public int Predict(ReadOnlySpan<float> x) => Logit(x) >= 0 ? 1 : 0;

    /// <summary>The same for a point given in doubles, as plots and grids give it.</summary>
    public double Probability(ReadOnlySpan<double> x) => Probability(VectorKernels.ToSingle(x));

    public int Predict(ReadOnlySpan<double> x) => Predict(VectorKernels.ToSingle(x));

    public override double Accuracy(Dataset data) =>
        data.Count == 0 ? double.NaN : Enumerable.Range(0, data.Count).Count(i => Predict(data.Row(i)) == data.Labels[i]) / (double)data.Count;

    /// <summary>The decision boundary wᵀx + b = 0 of a 2-D model as a line x₂ = slope·x₁ + intercept.</summary>
    public (double Slope, double Intercept) Boundary()
    {
        if (FeatureCount != 2) throw new InvalidOperationException("the boundary is a line only for two features");
        return (-w.Value[0] / (double)w.Value[1], -b.Value[0] / (double)w.Value[1]);
    }

    public override double Loss(Dataset data) => LossOf(data, AllRows(data)).Item;

    public override double Loss(Dataset data, int[] rows) => LossOf(data, rows).Item;

    /// <summary>The loss over <paramref name="rows"/> as a computation whose <c>Backward</c> adds its gradient into the blocks.</summary>
    private protected Node LossOf(Dataset data, int[] rows)
    {
        CheckLabels(data);
        var (weights, bias) = (w.AsNode(1, FeatureCount), b.AsNode());
        var z = Node.Affine(data, rows, weights, bias);
        var y = Node.Constant(Array.ConvertAll(rows, i => (double)data.Labels[i]), rows.Length, 1);
        // Binary cross-entropy from the logit: −y log σ(z) − (1 − y) log(1 − σ(z)) = log(e⁰ + e^z) − y z.
        var zero = Node.Constant(new double[rows.Length], rows.Length, 1);
        var loss = (Node.SideBySide(zero, z).LogSumExpRows() - y * z).Mean();
        return WeightDecay == 0 ? loss : loss + 0.5 * WeightDecay * weights.Square().Sum();
    }

    private protected void CheckLabels(Dataset data)
    {
        if (data.FeatureCount != FeatureCount) throw new ArgumentException($"the model expects {FeatureCount} features, the data has {data.FeatureCount}");
        if (data.ClassCount > 2) throw new ArgumentException($"logistic regression needs labels 0 and 1; the data has {data.ClassCount} classes (use Dataset.Binary or SoftmaxRegression)");
    }
}
