using System.Numerics;
using MathNet.Numerics.LinearAlgebra;

namespace DlCourse.Numerics;

/// <summary>Cross-entropy of softmax(z) against a target distribution y, from the logits (finite for any z); batches are the
/// mean over rows.</summary>
public static class CrossEntropyWithLogits
{
    /// <summary>One sample; <paramref name="target"/> sums to 1 (one-hot or soft labels).</summary>
    public static T Value<T>(ReadOnlySpan<T> logits, ReadOnlySpan<T> target) where T : IFloatingPointIeee754<T>
    {
        LossInputs.SameLength(logits.Length, target.Length, nameof(logits), nameof(target));
        T lse = LogSumExp.Apply(logits);
        T loss = T.Zero;
        // Σ_k y_k (lse − z_k) rather than lse − Σ y_k z_k: equal when Σy = 1, and each term is ≥ 0.
        for (int k = 0; k < logits.Length; k++)
            if (target[k] != T.Zero) loss += target[k] * (lse - logits[k]);
        return loss;
    }

    public static double Value(double[] logits, double[] target) => Value<double>(logits, target);

    public static float Value(float[] logits, float[] target) => Value<float>(logits, target);

    /// <summary>One sample whose true class is <paramref name="label"/>.</summary>
    public static double Value(double[] logits, int label) => Value(logits, OneHot.Vector(label, logits.Length));

    /// <summary>Mean over the n rows of an n×K logit matrix against n×K target rows.</summary>
    public static double Value(Matrix<double> logits, Matrix<double> targets)
    {
        LossInputs.SameShape(logits, targets, nameof(logits), nameof(targets));
        double sum = 0;
        for (int i = 0; i < logits.RowCount; i++) sum += Value(logits.Row(i).ToArray(), targets.Row(i).ToArray());
        return sum / logits.RowCount;
    }

    public static double Value(Matrix<double> logits, int[] labels) => Value(logits, OneHot.Matrix(labels, logits.ColumnCount));
}
