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

    /// <summary>The gradient with respect to the logits (for a target that sums to 1).</summary>
    public static void Gradient<T>(ReadOnlySpan<T> logits, ReadOnlySpan<T> target, Span<T> destination) where T : IFloatingPointIeee754<T>
    {
        LossInputs.SameLength(logits.Length, target.Length, nameof(logits), nameof(target));
        StableSoftmax.Apply(logits, destination);
        for (int k = 0; k < destination.Length; k++) destination[k] -= target[k];
    }

    /// <summary>
    /// One sample whose true class is <paramref name="label"/>: writes the gradient with respect to the logits into
    /// <paramref name="destination"/> and returns the loss.
    /// </summary>
    public static T ValueAndGradient<T>(ReadOnlySpan<T> logits, int label, Span<T> destination) where T : IFloatingPointIeee754<T>
    {
        RowKernels.RequireSameLength(logits.Length, destination.Length, nameof(logits));
        if ((uint)label >= (uint)logits.Length) throw new ArgumentOutOfRangeException(nameof(label), label, $"the label must be a class in [0, {logits.Length}).");
        T max = logits[0];
        for (int k = 1; k < logits.Length; k++) max = T.Max(max, logits[k]);
        T shiftedTarget = logits[label] - max, sum = T.Zero;
        for (int k = 0; k < logits.Length; k++) sum += destination[k] = T.Exp(logits[k] - max);
        for (int k = 0; k < logits.Length; k++) destination[k] /= sum;
        destination[label] -= T.One;
        return T.Log(sum) - shiftedTarget;
    }

    public static double Value(double[] logits, double[] target) => Value<double>(logits, target);

    public static float Value(float[] logits, float[] target) => Value<float>(logits, target);

    /// <summary>One sample whose true class is <paramref name="label"/>.</summary>
    public static double Value(double[] logits, int label) => Value(logits, OneHot.Vector(label, logits.Length));

    public static double[] Gradient(double[] logits, double[] target) { var g = new double[logits.Length]; Gradient<double>(logits, target, g); return g; }

    public static float[] Gradient(float[] logits, float[] target) { var g = new float[logits.Length]; Gradient<float>(logits, target, g); return g; }

    public static double[] Gradient(double[] logits, int label) => Gradient(logits, OneHot.Vector(label, logits.Length));

    /// <summary>Mean over the n rows of an n×K logit matrix against n×K target rows.</summary>
    public static double Value(Matrix<double> logits, Matrix<double> targets)
    {
        LossInputs.SameShape(logits, targets, nameof(logits), nameof(targets));
        double sum = 0;
        for (int i = 0; i < logits.RowCount; i++) sum += Value(logits.Row(i).ToArray(), targets.Row(i).ToArray());
        return sum / logits.RowCount;
    }

    public static double Value(Matrix<double> logits, int[] labels) => Value(logits, OneHot.Matrix(labels, logits.ColumnCount));

    /// <summary>The n×K gradient of the mean loss with respect to the logits.</summary>
    public static Matrix<double> Gradient(Matrix<double> logits, Matrix<double> targets)
    {
        LossInputs.SameShape(logits, targets, nameof(logits), nameof(targets));
        return (StableSoftmax.Apply(logits) - targets) / logits.RowCount;
    }

    public static Matrix<double> Gradient(Matrix<double> logits, int[] labels) => Gradient(logits, OneHot.Matrix(labels, logits.ColumnCount));
}
