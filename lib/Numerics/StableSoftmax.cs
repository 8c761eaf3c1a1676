using System.Numerics;
using System.Numerics.Tensors;
using MathNet.Numerics.LinearAlgebra;

namespace DlCourse.Numerics;

/// <summary>The softmax of a logit vector, finite for any finite logits, however large.</summary>
/// <remarks>
/// We do not call <see cref="TensorPrimitives.SoftMax{T}(ReadOnlySpan{T}, Span{T})"/>: in System.Numerics.Tensors 10.0.0 it computes
/// the naive formula and returns NaN for z = [1000, 1001] (a test pins this down).
/// </remarks>
public static class StableSoftmax
{
    /// <summary>Writes softmax(<paramref name="logits"/>) into <paramref name="destination"/> (same length; may be the same memory).</summary>
    public static void Apply<T>(ReadOnlySpan<T> logits, Span<T> destination) where T : IFloatingPointIeee754<T>
    {
        RowKernels.RequireSameLength(logits.Length, destination.Length, nameof(logits));
        T max = TensorPrimitives.Max(logits);
        TensorPrimitives.Subtract(logits, max, destination);
        TensorPrimitives.Exp(destination, destination);
        TensorPrimitives.Divide(destination, TensorPrimitives.Sum<T>(destination), destination);
    }

    public static double[] Apply(double[] logits) { var p = new double[logits.Length]; Apply<double>(logits, p); return p; }

    public static float[] Apply(float[] logits) { var p = new float[logits.Length]; Apply<float>(logits, p); return p; }

    /// <summary>One softmax per row (rows = samples, columns = classes).</summary>
    public static Matrix<double> Apply(Matrix<double> logits) => RowKernels.MapRows<double>(logits, Apply);

    public static Matrix<float> Apply(Matrix<float> logits) => RowKernels.MapRows<float>(logits, Apply);
}
