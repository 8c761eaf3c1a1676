using System.Numerics.Tensors;
using DlCourse.Data;

namespace DlCourse.Models;

/// <summary>
/// Multinomial logistic regression: ŷ = softmax(Wx + b), loss = mean cross-entropy + (λ/2)‖W‖² with λ the weight decay
/// (bias not penalised).
/// Parameters: W row by row (<see cref="ClassCount"/> × <see cref="FeatureCount"/>), then b.
/// Gradient: ∇_W = (1/m) Σ (ŷ − y) xᵀ + λW, ∇_b = (1/m) Σ (ŷ − y).
/// </summary>
public sealed class SoftmaxRegression : ITrainable
{
    private readonly ParallelRows parallelLoss = new(), parallelGradient = new();
    private float[] scratch = [];

    /// <summary>A model with zero weights (every class equally likely) or, given a seed, small random weights.</summary>
    public SoftmaxRegression(int featureCount, int classCount, double weightDecay = 0, int? seed = null, double initScale = 0.01)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(featureCount, 1);
        if (!double.IsFinite(initScale) || initScale < 0) throw new ArgumentOutOfRangeException(nameof(initScale), initScale, "the initial scale must be finite and ≥ 0");
        if (classCount < 2) throw new ArgumentOutOfRangeException(nameof(classCount), "softmax regression needs at least two classes");
        FeatureCount = featureCount;
        ClassCount = classCount;
        WeightDecay = weightDecay;
        Parameters = new float[classCount * featureCount + classCount];
        if (seed is int s)
        {
            var random = new Random(s);
            for (int i = 0; i < classCount * featureCount; i++) Parameters[i] = (float)(initScale * Synthetic.Normal(random));
        }
    }

    public int FeatureCount { get; }
    public int ClassCount { get; }

    /// <summary>λ of the penalty (λ/2)‖W‖², which adds λW to the gradient; finite and ≥ 0.</summary>
    public double WeightDecay { get => weightDecay; set => weightDecay = Numerics.L2Penalty.CheckWeightDecay(value, nameof(WeightDecay)); }
    private double weightDecay;

    public float[] Parameters { get; }

    /// <summary>The weights of class <paramref name="k"/>: one value per feature (a 28 × 28 image for MNIST).</summary>
    public Span<float> Weights(int k) => Parameters.AsSpan(k * FeatureCount, FeatureCount);

    public Span<float> Bias => Parameters.AsSpan(ClassCount * FeatureCount, ClassCount);

    /// <summary>‖W‖₂ (Frobenius norm of the weights, bias excluded).</summary>
    public double WeightNorm => Math.Sqrt(TensorPrimitives.SumOfSquares(Parameters.AsSpan(0, ClassCount * FeatureCount)));

    /// <summary>A copy with the same λ and <paramref name="parameters"/> (W row by row, then b).</summary>
    public SoftmaxRegression WithParameters(ReadOnlySpan<float> parameters)
    {
        var copy = new SoftmaxRegression(FeatureCount, ClassCount, WeightDecay);
        ModelParameters.CopyInto(parameters, copy.Parameters);
        return copy;
    }

    ITrainable ITrainable.WithParameters(ReadOnlySpan<float> parameters) => WithParameters(parameters);

    /// <summary>z = Wx + b for one example.</summary>
    public void Logits(ReadOnlySpan<float> x, Span<float> logits)
    {
        CheckFeatures(x.Length);
        for (int k = 0; k < ClassCount; k++)
            logits[k] = VectorKernels.Dot(Parameters.AsSpan(k * FeatureCount, FeatureCount), x) + Parameters[ClassCount * FeatureCount + k];
    }

    /// <summary>Class probabilities softmax(Wx + b) for one example.</summary>
    public double[] Probabilities(ReadOnlySpan<float> x)
    {
        Span<float> z = stackalloc float[ClassCount];
        Logits(x, z);
        float max = TensorPrimitives.Max(z);
        var p = new double[ClassCount];
        double sum = 0;
        for (int k = 0; k < ClassCount; k++) sum += p[k] = Math.Exp(z[k] - max);
        for (int k = 0; k < ClassCount; k++) p[k] /= sum;
        return p;
    }

    /// <summary>The same for a point given in doubles, as plots and grids give it.</summary>
    public double[] Probabilities(ReadOnlySpan<double> x) => Probabilities(VectorKernels.ToSingle(x));

    public int Predict(ReadOnlySpan<double> x) => Predict(VectorKernels.ToSingle(x));

    public int Predict(ReadOnlySpan<float> x)
    {
        Span<float> z = stackalloc float[ClassCount];
        Logits(x, z);
        return TensorPrimitives.IndexOfMax(z);
    }

    public int[] Predict(Dataset data)
    {
        CheckFeatures(data.FeatureCount);
        var predictions = new int[data.Count];
        Parallel.For(0, data.Count, i => predictions[i] = Predict(data.Row(i)));
        return predictions;
    }

    double? ITrainable.Accuracy(Dataset data) => Accuracy(data);

    public double Accuracy(Dataset data)
    {
        var predicted = Predict(data);
        return data.Count == 0 ? double.NaN : predicted.Where((p, i) => p == data.Labels[i]).Count() / (double)data.Count;
    }

    public double Loss(Dataset data)
    {
        CheckFeatures(data.FeatureCount);
        double total = parallelLoss.Run(data.Count, FeatureCount * ClassCount, Span<float>.Empty,
            (start, end, _) => Accumulate(data, null, start, end, Span<float>.Empty, gradient: false));
        return total / data.Count + Penalty();
    }

    public double LossAndGradient(Dataset data, int[]? rows, Span<float> gradient)
    {
        CheckFeatures(data.FeatureCount);
        if (gradient.Length != Parameters.Length) throw new ArgumentException($"gradient has length {gradient.Length}, the model has {Parameters.Length} parameters");
        int m = rows?.Length ?? data.Count;
        if (scratch.Length != Parameters.Length) scratch = new float[Parameters.Length];
        double total = parallelGradient.Run(m, FeatureCount * ClassCount * 2, scratch,
            (start, end, accumulator) => Accumulate(data, rows, start, end, accumulator, gradient: true));

        // Mean over the batch, then the penalty's λW on the weights only.
        TensorPrimitives.Multiply(scratch, 1f / m, gradient);
        int weights = ClassCount * FeatureCount;
        if (WeightDecay != 0) TensorPrimitives.MultiplyAdd(Parameters.AsSpan(0, weights), (float)WeightDecay, gradient[..weights], gradient[..weights]);
        return total / m + Penalty();
    }

    /// <summary>Sum of cross-entropies over rows [start, end), adding Σ (ŷ − y) [xᵀ, 1] into the accumulator when asked.</summary>
    // Hot loop: compile it optimised at once rather than after tier-0 warm-up (seconds in a short notebook).
    [System.Runtime.CompilerServices.MethodImpl(System.Runtime.CompilerServices.MethodImplOptions.AggressiveOptimization)]
    private double Accumulate(Dataset data, int[]? rows, int start, int end, Span<float> accumulator, bool gradient)
    {
        int d = FeatureCount, classes = ClassCount, biasOffset = classes * d;
        Span<float> z = stackalloc float[classes];
        double loss = 0;
        for (int r = start; r < end; r++)
        {
            int i = rows?[r] ?? r;
            var x = data.Row(i);
            int y = data.Labels[i];
            for (int k = 0; k < classes; k++)
                z[k] = VectorKernels.Dot(Parameters.AsSpan(k * d, d), x) + Parameters[biasOffset + k];

            // log Σ exp z − z_y, shifted by the max so that exp never overflows.
            float max = z[0];
            for (int k = 1; k < classes; k++) max = Math.Max(max, z[k]);
            float shiftedTarget = z[y] - max;
            float sum = 0;
            for (int k = 0; k < classes; k++) sum += z[k] = MathF.Exp(z[k] - max);
            loss += Math.Log(sum) - shiftedTarget;
            if (!gradient) continue;
            for (int k = 0; k < classes; k++)
            {
                float g = z[k] / sum - (k == y ? 1f : 0f);
                var row = accumulator.Slice(k * d, d);
                VectorKernels.AddScaled(x, g, row);
                accumulator[biasOffset + k] += g;
            }
        }
        return loss;
    }

    private double Penalty() => WeightDecay == 0 ? 0 : 0.5 * WeightDecay * TensorPrimitives.SumOfSquares(Parameters.AsSpan(0, ClassCount * FeatureCount));

    private void CheckFeatures(int count)
    {
        if (count != FeatureCount) throw new ArgumentException($"the model expects {FeatureCount} features per example, the data has {count}");
    }
}
