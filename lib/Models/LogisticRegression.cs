using System.Numerics.Tensors;
using DlCourse.Data;

namespace DlCourse.Models;

/// <summary>
/// Binary logistic regression: ŷ = σ(wᵀx + b), loss = mean binary cross-entropy + (λ/2)‖w‖² with λ the weight decay (bias not
/// penalised). Parameters: w, then b. Gradient: ∇_w = (1/m) Σ (ŷ − y) x + λw = −(1/m) Σ (y − ŷ) x + λw, ∇_b = (1/m) Σ (ŷ − y).
/// </summary>
public sealed class LogisticRegression : ITrainable
{
    private readonly ParallelRows parallelLoss = new(), parallelGradient = new();
    private float[] scratch = [];

    public LogisticRegression(int featureCount, double weightDecay = 0)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(featureCount, 1);
        FeatureCount = featureCount;
        WeightDecay = weightDecay;
        Parameters = new float[featureCount + 1];
    }

    public int FeatureCount { get; }

    /// <summary>λ of the penalty (λ/2)‖w‖², which adds λw to the gradient; finite and ≥ 0.</summary>
    public double WeightDecay { get => weightDecay; set => weightDecay = Numerics.L2Penalty.CheckWeightDecay(value, nameof(WeightDecay)); }
    private double weightDecay;

    public float[] Parameters { get; }

    public Span<float> Weights => Parameters.AsSpan(0, FeatureCount);

    public float Bias { get => Parameters[FeatureCount]; set => Parameters[FeatureCount] = value; }

    /// <summary>A copy with the same λ and <paramref name="parameters"/> (w, then b).</summary>
    public LogisticRegression WithParameters(ReadOnlySpan<float> parameters)
    {
        var copy = new LogisticRegression(FeatureCount, WeightDecay);
        ModelParameters.CopyInto(parameters, copy.Parameters);
        return copy;
    }

    ITrainable ITrainable.WithParameters(ReadOnlySpan<float> parameters) => WithParameters(parameters);

    /// <summary>z = wᵀx + b.</summary>
    public double Logit(ReadOnlySpan<float> x)
    {
        if (x.Length != FeatureCount) throw new ArgumentException($"the model expects {FeatureCount} features, got {x.Length}");
        return VectorKernels.Dot(Parameters.AsSpan(0, FeatureCount), x) + Parameters[FeatureCount];
    }

    /// <summary>P(y = 1 | x) = σ(wᵀx + b).</summary>
    public double Probability(ReadOnlySpan<float> x) => Numerics.Sigmoid.Apply(Logit(x));

    public int Predict(ReadOnlySpan<float> x) => Logit(x) >= 0 ? 1 : 0;

    /// <summary>The same for a point given in doubles, as plots and grids give it.</summary>
    public double Probability(ReadOnlySpan<double> x) => Probability(VectorKernels.ToSingle(x));

    public int Predict(ReadOnlySpan<double> x) => Predict(VectorKernels.ToSingle(x));

    double? ITrainable.Accuracy(Dataset data) => Accuracy(data);

    public double Accuracy(Dataset data) =>
        data.Count == 0 ? double.NaN : Enumerable.Range(0, data.Count).Count(i => Predict(data.Row(i)) == data.Labels[i]) / (double)data.Count;

    /// <summary>The decision boundary wᵀx + b = 0 of a 2-D model as a line x₂ = slope·x₁ + intercept.</summary>
    public (double Slope, double Intercept) Boundary()
    {
        if (FeatureCount != 2) throw new InvalidOperationException("the boundary is a line only for two features");
        return (-Parameters[0] / (double)Parameters[1], -Parameters[2] / (double)Parameters[1]);
    }

    public double Loss(Dataset data)
    {
        CheckLabels(data);
        double total = parallelLoss.Run(data.Count, FeatureCount, Span<float>.Empty, (start, end, _) => Accumulate(data, null, start, end, Span<float>.Empty, false));
        return total / data.Count + Penalty();
    }

    public double LossAndGradient(Dataset data, int[]? rows, Span<float> gradient)
    {
        CheckLabels(data);
        if (gradient.Length != Parameters.Length) throw new ArgumentException($"gradient has length {gradient.Length}, the model has {Parameters.Length} parameters");
        int m = rows?.Length ?? data.Count;
        if (scratch.Length != Parameters.Length) scratch = new float[Parameters.Length];
        double total = parallelGradient.Run(m, 2 * FeatureCount, scratch, (start, end, accumulator) => Accumulate(data, rows, start, end, accumulator, true));
        TensorPrimitives.Multiply(scratch, 1f / m, gradient);
        if (WeightDecay != 0) TensorPrimitives.MultiplyAdd(Parameters.AsSpan(0, FeatureCount), (float)WeightDecay, gradient[..FeatureCount], gradient[..FeatureCount]);
        return total / m + Penalty();
    }

    // Hot loop: compile it optimised at once rather than after tier-0 warm-up (seconds in a short notebook).
    [System.Runtime.CompilerServices.MethodImpl(System.Runtime.CompilerServices.MethodImplOptions.AggressiveOptimization)]
    private double Accumulate(Dataset data, int[]? rows, int start, int end, Span<float> accumulator, bool gradient)
    {
        double loss = 0;
        var w = Parameters.AsSpan(0, FeatureCount);
        float b = Parameters[FeatureCount];
        for (int r = start; r < end; r++)
        {
            int i = rows?[r] ?? r;
            var x = data.Row(i);
            double z = VectorKernels.Dot(w, x) + b;
            int y = data.Labels[i];
            // BCE with logits, −[y log σ(z) + (1−y) log(1−σ(z))] = softplus(z) − y z, written to never overflow.
            loss += Math.Max(z, 0) + Math.Log(1 + Math.Exp(-Math.Abs(z))) - y * z;
            if (!gradient) continue;
            float g = (float)(Numerics.Sigmoid.Apply(z) - y);
            VectorKernels.AddScaled(x, g, accumulator[..FeatureCount]);
            accumulator[FeatureCount] += g;
        }
        return loss;
    }

    private double Penalty() => WeightDecay == 0 ? 0 : 0.5 * WeightDecay * TensorPrimitives.SumOfSquares(Parameters.AsSpan(0, FeatureCount));

    private void CheckLabels(Dataset data)
    {
        if (data.FeatureCount != FeatureCount) throw new ArgumentException($"the model expects {FeatureCount} features, the data has {data.FeatureCount}");
        if (data.ClassCount > 2) throw new ArgumentException($"logistic regression needs labels 0 and 1; the data has {data.ClassCount} classes (use Dataset.Binary or SoftmaxRegression)");
    }
}
