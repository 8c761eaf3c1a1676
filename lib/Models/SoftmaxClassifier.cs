using System.Numerics.Tensors;
using DlCourse.Autodiff;
using DlCourse.Data;
using DlCourse.Numerics;

namespace DlCourse.Models;

/// <summary>
/// ŷ = softmax(Wx + b) with loss = mean cross-entropy + (λ/2)‖W‖², λ the weight decay (bias not penalised): parameters W
/// (<see cref="ClassCount"/> × <see cref="FeatureCount"/>), then b. The gradient is a subclass's:
/// <see cref="SoftmaxRegression"/>, or a class written in a notebook that overrides <c>Backward</c>.
/// </summary>
public abstract class SoftmaxClassifier : Model
{
    /// <summary>A model with zero weights (every class equally likely) or, given a seed, small random weights.</summary>
    protected SoftmaxClassifier(int featureCount, int classCount, double weightDecay = 0, int? seed = null, double initScale = 0.01)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(featureCount, 1);
        if (!double.IsFinite(initScale) || initScale < 0) throw new ArgumentOutOfRangeException(nameof(initScale), initScale, "the initial scale must be finite and ≥ 0");
        if (classCount < 2) throw new ArgumentOutOfRangeException(nameof(classCount), "softmax regression needs at least two classes");
        FeatureCount = featureCount;
        ClassCount = classCount;
        WeightDecay = weightDecay;
        W = AddParameter("W", classCount, featureCount);
        b = AddParameter("b", classCount);
        if (seed is int s)
        {
            var random = new Random(s);
            var weights = W.Value.AsSpan();
            for (int i = 0; i < weights.Length; i++) weights[i] = (float)(initScale * Synthetic.Normal(random));
        }
    }

    /// <summary>The weights, one row per class (a 28 × 28 image for Fashion-MNIST).</summary>
    public Parameter W { get; }

    /// <summary>The biases, one per class.</summary>
#pragma warning disable IDE1006 // b, as in the formula
    public Parameter b { get; }
#pragma warning restore IDE1006

    public int FeatureCount { get; }
    public int ClassCount { get; }

    /// <summary>λ of the penalty (λ/2)‖W‖²; finite and ≥ 0.</summary>
    public double WeightDecay { get => weightDecay; set => weightDecay = L2Penalty.CheckWeightDecay(value, nameof(WeightDecay)); }
    private double weightDecay;

    /// <summary>The weights of class <paramref name="k"/> (W's row k).</summary>
    public Span<float> Weights(int k) => W.Value.Row(k);

    public Span<float> Bias => b.Value;

    /// <summary>‖W‖₂ (Frobenius norm of the weights, bias excluded).</summary>
    public double WeightNorm => Math.Sqrt(TensorPrimitives.SumOfSquares<float>(W.Value));

    /// <summary>z = Wx + b for one example.</summary>
    public void Logits(ReadOnlySpan<float> x, Span<float> logits)
    {
        CheckFeatures(x.Length);
        var (weights, bias) = (W.Value, b.Value);
        for (int k = 0; k < ClassCount; k++) logits[k] = VectorKernels.Dot(weights.Row(k), x) + bias[k];
    }

    /// <summary>Class probabilities softmax(Wx + b) for one example.</summary>
    public double[] Probabilities(ReadOnlySpan<float> x)
    {
        Span<float> z = stackalloc float[ClassCount];
        Logits(x, z);
        StableSoftmax.Apply<float>(z, z);
        var p = new double[ClassCount];
        for (int k = 0; k < ClassCount; k++) p[k] = z[k];
        return p;
    }

    /// <summary>The same for a point given in doubles, as plots and grids give it.</summary>
    public double[] Probabilities(ReadOnlySpan<double> x) => Probabilities(VectorKernels.ToSingle(x));

    public int Predict(ReadOnlySpan<double> x) => Predict(VectorKernels.ToSingle(x));

    public int Predict(ReadOnlySpan<float> x)
    {
        Span<float> z = stackalloc float[ClassCount];
        Logits(x, z);
        return TensorPrimitives.IndexOfMax<float>(z);
    }

    public int[] Predict(Dataset data)
    {
        CheckFeatures(data.FeatureCount);
        var predictions = new int[data.Count];
        Parallel.For(0, data.Count, i => predictions[i] = Predict(data.Row(i)));
        return predictions;
    }

    public override double Accuracy(Dataset data)
    {
        var predicted = Predict(data);
        return data.Count == 0 ? double.NaN : predicted.Where((p, i) => p == data.Labels[i]).Count() / (double)data.Count;
    }

    public override double Loss(Dataset data) => LossOf(data, AllRows(data)).Item;

    public override double Loss(Dataset data, int[] rows) => LossOf(data, rows).Item;

    /// <summary>The loss over <paramref name="rows"/> as a computation whose <c>Backward</c> adds its gradient into the blocks.</summary>
    private protected Node LossOf(Dataset data, int[] rows)
    {
        CheckFeatures(data.FeatureCount);
        var (weights, bias) = (W.AsNode(), b.AsNode());
        var z = Node.Affine(data, rows, weights, bias);
        var y = Node.Constant(OneHotLabels(data, rows), rows.Length, ClassCount);
        // Cross-entropy from the logits: −log softmax(z)_y = log Σ_k e^{z_k} − z_y.
        var loss = (z.LogSumExpRows() - (z * y).RowSum()).Mean();
        return WeightDecay == 0 ? loss : loss + 0.5 * WeightDecay * weights.Square().Sum();
    }

    private double[] OneHotLabels(Dataset data, int[] rows)
    {
        var y = new double[rows.Length * ClassCount];
        for (int r = 0; r < rows.Length; r++)
        {
            int label = data.Labels[rows[r]];
            if ((uint)label >= (uint)ClassCount) throw new ArgumentException($"row {rows[r]} has label {label}; the model has classes 0 to {ClassCount - 1}.", nameof(data));
            y[r * ClassCount + label] = 1;
        }
        return y;
    }

    private protected void CheckFeatures(int count)
    {
        if (count != FeatureCount) throw new ArgumentException($"the model expects {FeatureCount} features per example, the data has {count}");
    }
}
