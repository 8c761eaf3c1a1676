using System.Numerics.Tensors;
using DlCourse.Data;

namespace DlCourse.Models;

/// <summary>
/// Binary logistic regression: <see cref="LogisticClassifier"/> with the course's own gradient of its loss.
/// </summary>
public sealed class LogisticRegression(int featureCount, double weightDecay = 0) : LogisticClassifier(featureCount, weightDecay)
{
    private readonly ParallelRows parallelGradient = new();

    /// <summary>A copy with the same λ and <paramref name="parameters"/> (w, then b).</summary>
    public LogisticRegression WithParameters(ReadOnlySpan<float> parameters)
    {
        var copy = new LogisticRegression(FeatureCount, WeightDecay);
        ModelParameters.CopyInto(parameters, copy.Parameters);
        return copy;
    }

    protected override double Backward(Dataset data, int[] rows)
    {
        CheckLabels(data);
        int m = rows.Length;
        double total = parallelGradient.Run(m, 2 * FeatureCount, Gradient, (start, end, accumulator) => Accumulate(data, rows, start, end, accumulator, true));
        TensorPrimitives.Multiply(Gradient, 1f / m, Gradient);
        if (WeightDecay != 0) TensorPrimitives.MultiplyAdd(w.Value, (float)WeightDecay, w.Grad, w.Grad);
        return total / m + Penalty();
    }
}
