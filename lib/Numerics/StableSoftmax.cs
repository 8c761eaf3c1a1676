using System.Numerics;
using System.Numerics.Tensors;
using MathNet.Numerics.LinearAlgebra;

namespace DlCourse.Numerics;

/// <summary>softmax(z)_k = exp(z_k − max z) / Σ_j exp(z_j − max z): the max shift changes nothing mathematically but keeps exp ≤ 1, so it never overflows.</summary>
/// <remarks>
/// We do not call <see cref="TensorPrimitives.SoftMax{T}(ReadOnlySpan{T}, Span{T})"/>: in System.Numerics.Tensors 10.0.0 it computes
/// exp(z_k)/Σ exp(z_j) without the shift and returns NaN for z = [1000, 1001] (a test pins this down).
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

    /// <summary>The K×K Jacobian ∂ŷ_k/∂z_j = ŷ_k(δ_kj − ŷ_j) = diag(ŷ) − ŷŷᵀ, evaluated at <paramref name="logits"/>.</summary>
    public static Matrix<double> Jacobian(double[] logits)
    {
        var p = MathNet.Numerics.LinearAlgebra.Vector<double>.Build.Dense(Apply(logits));
        return Matrix<double>.Build.DenseOfDiagonalVector(p) - p.OuterProduct(p);
    }
}
