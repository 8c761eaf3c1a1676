using System.Numerics.Tensors;
using DlCourse.Data;

namespace DlCourse.Models;

/// <summary>
/// Multinomial logistic regression: <see cref="SoftmaxClassifier"/> with the course's own gradient of its loss.
/// </summary>
public sealed class SoftmaxRegression(int featureCount, int classCount, double weightDecay = 0, int? seed = null, double initScale = 0.01)
    : SoftmaxClassifier(featureCount, classCount, weightDecay, seed, initScale)
{
    private readonly ParallelRows parallelGradient = new();

    /// <summary>A copy with the same λ and <paramref name="parameters"/> (W row by row, then b).</summary>
    public SoftmaxRegression WithParameters(ReadOnlySpan<float> parameters)
    {
        var copy = new SoftmaxRegression(FeatureCount, ClassCount, WeightDecay);
        ModelParameters.CopyInto(parameters, copy.Parameters);
        return copy;
    }

    protected override double Backward(Dataset data, int[] rows)
    {
        CheckFeatures(data.FeatureCount);
        int m = rows.Length;
        double total = parallelGradient.Run(m, FeatureCount * ClassCount * 2, Gradient,
            (start, end, accumulator) => Accumulate(data, rows, start, end, accumulator, gradient: true));

        // Mean over the batch, then the penalty's λW on the weights only.
        TensorPrimitives.Multiply(Gradient, 1f / m, Gradient);
        if (WeightDecay != 0) TensorPrimitives.MultiplyAdd(W.Value, (float)WeightDecay, W.Grad, W.Grad);
        return total / m + Penalty();
    }
}
