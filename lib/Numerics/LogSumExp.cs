using System.Numerics;
using System.Numerics.Tensors;
using MathNet.Numerics.LinearAlgebra;

namespace DlCourse.Numerics;

/// <summary>log Σ_k exp(z_k), finite for any finite logits, however large.</summary>
public static class LogSumExp
{
    public static T Apply<T>(ReadOnlySpan<T> logits) where T : IFloatingPointIeee754<T>
    {
        if (logits.IsEmpty) throw new ArgumentException("The logits are empty; pass at least one value.", nameof(logits));
        T max = TensorPrimitives.Max(logits);
        // All −∞ (or a +∞ entry): the answer is max itself, and z − max would be NaN.
        if (T.IsInfinity(max)) return max;
        T sum = T.Zero;
        foreach (var z in logits) sum += T.Exp(z - max);
        return max + T.Log(sum);
    }

    public static double Apply(double[] logits) => Apply<double>(logits);

    public static float Apply(float[] logits) => Apply<float>(logits);

    /// <summary>One log-sum-exp per row (rows = samples).</summary>
    public static MathNet.Numerics.LinearAlgebra.Vector<double> Apply(Matrix<double> logits) => RowKernels.ReduceRows<double>(logits, Apply);

    public static MathNet.Numerics.LinearAlgebra.Vector<float> Apply(Matrix<float> logits) => RowKernels.ReduceRows<float>(logits, Apply);
}
