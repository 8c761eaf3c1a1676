using System.Numerics;

namespace DlCourse.Numerics;

/// <summary>BCE of σ(z) computed from the logit z, finite for any z; mean over samples.</summary>
public static class BinaryCrossEntropyWithLogits
{
    public static T Value<T>(ReadOnlySpan<T> logits, ReadOnlySpan<T> targets) where T : IFloatingPointIeee754<T>
    {
        LossInputs.SameLength(logits.Length, targets.Length, nameof(logits), nameof(targets));
        T sum = T.Zero;
        for (int i = 0; i < logits.Length; i++) sum += Value(logits[i], targets[i]);
        return sum / T.CreateChecked(logits.Length);
    }

    /// <summary>One sample.</summary>
    public static T Value<T>(T logit, T target) where T : IFloatingPointIeee754<T> => Softplus(logit) - target * logit;

    public static double Value(double[] logits, double[] targets) => Value<double>(logits, targets);

    public static float Value(float[] logits, float[] targets) => Value<float>(logits, targets);

    /// <summary>softplus(z) = log(1 + e^z) without overflow.</summary>
    private static T Softplus<T>(T z) where T : IFloatingPointIeee754<T> => T.Max(z, T.Zero) + T.Log(T.One + T.Exp(-T.Abs(z)));
}
