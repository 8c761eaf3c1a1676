using DlCourse.Data;

namespace DlCourse.Models;

/// <summary>
/// Multinomial logistic regression: <see cref="SoftmaxClassifier"/> with the gradient of its loss by automatic differentiation.
/// </summary>
public sealed class SoftmaxRegression(int featureCount, int classCount, double weightDecay = 0, int? seed = null, double initScale = 0.01)
    : SoftmaxClassifier(featureCount, classCount, weightDecay, seed, initScale)
{
    /// <summary>A copy with the same λ and <paramref name="parameters"/> (W row by row, then b).</summary>
    public SoftmaxRegression WithParameters(ReadOnlySpan<float> parameters)
    {
        var copy = new SoftmaxRegression(FeatureCount, ClassCount, WeightDecay);
        ModelParameters.CopyInto(parameters, copy.Parameters);
        return copy;
    }

    /// <summary>The gradient by reverse-mode differentiation of the loss (Autodiff's chain rule of its elementary operations).</summary>
    protected override double Backward(Dataset data, int[] rows)
    {
        var loss = LossOf(data, rows);
        loss.Backward();
        return loss.Item;
    }
}
