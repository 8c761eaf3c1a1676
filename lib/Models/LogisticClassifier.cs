using System.Numerics.Tensors;
using DlCourse.Data;

namespace DlCourse.Models;

/// <summary>
/// ŷ = σ(wᵀx + b) with loss = mean binary cross-entropy + (λ/2)‖w‖², λ the weight decay (bias not penalised):
/// parameters w, then b. The gradient is a subclass's: <see cref="LogisticRegression"/>, or a class written in a notebook
/// that overrides <c>Backward</c>.
/// </summary>
public abstract class LogisticClassifier : Model
{
    private readonly ParallelRows parallelLoss = new();

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

    /// <summary>λ of the penalty (λ/2)‖w‖², which adds λw to the gradient; finite and ≥ 0.</summary>
    public double WeightDecay { get => weightDecay; set => weightDecay = Numerics.L2Penalty.CheckWeightDecay(value, nameof(WeightDecay)); }
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
    public double Probability(ReadOnlySpan<float> x) => Numerics.Sigmoid.Apply(Logit(x));

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

    public override double Loss(Dataset data)
    {
        CheckLabels(data);
        double total = parallelLoss.Run(data.Count, FeatureCount, Span<float>.Empty, (start, end, _) => Accumulate(data, null, start, end, Span<float>.Empty, false));
        return total / data.Count + Penalty();
    }

    public override double Loss(Dataset data, int[] rows)
    {
        CheckLabels(data);
        double total = parallelLoss.Run(rows.Length, FeatureCount, Span<float>.Empty, (start, end, _) => Accumulate(data, rows, start, end, Span<float>.Empty, false));
        return total / rows.Length + Penalty();
    }

    // Hot loop: compile it optimised at once rather than after tier-0 warm-up (seconds in a short notebook).
    [System.Runtime.CompilerServices.MethodImpl(System.Runtime.CompilerServices.MethodImplOptions.AggressiveOptimization)]
    private protected double Accumulate(Dataset data, int[]? rows, int start, int end, Span<float> accumulator, bool gradient)
    {
        double loss = 0;
        var weights = w.Value.AsSpan();
        float bias = b.Value[0];
        for (int r = start; r < end; r++)
        {
            int i = rows?[r] ?? r;
            var x = data.Row(i);
            double z = VectorKernels.Dot(weights, x) + bias;
            int y = data.Labels[i];
            loss += Numerics.BinaryCrossEntropyWithLogits.Value<double>(z, y);
            if (!gradient) continue;
            float g = (float)(Numerics.Sigmoid.Apply(z) - y);
            VectorKernels.AddScaled(x, g, accumulator[..FeatureCount]);
            accumulator[FeatureCount] += g;
        }
        return loss;
    }

    private protected double Penalty() => WeightDecay == 0 ? 0 : 0.5 * WeightDecay * TensorPrimitives.SumOfSquares<float>(w.Value);

    private protected void CheckLabels(Dataset data)
    {
        if (data.FeatureCount != FeatureCount) throw new ArgumentException($"the model expects {FeatureCount} features, the data has {data.FeatureCount}");
        if (data.ClassCount > 2) throw new ArgumentException($"logistic regression needs labels 0 and 1; the data has {data.ClassCount} classes (use Dataset.Binary or SoftmaxRegression)");
    }
}
