using DlCourse.Data;

namespace DlCourse.Models;

/// <summary>
/// Binary logistic regression: <see cref="LogisticClassifier"/> with the gradient of its loss by automatic differentiation.
/// </summary>
public sealed class LogisticRegression(int featureCount, double weightDecay = 0) : LogisticClassifier(featureCount, weightDecay)
{
    /// <summary>A copy with the same λ and <paramref name="parameters"/> (w, then b).</summary>
    public LogisticRegression WithParameters(ReadOnlySpan<float> parameters)
    {
        var copy = new LogisticRegression(FeatureCount, WeightDecay);
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
