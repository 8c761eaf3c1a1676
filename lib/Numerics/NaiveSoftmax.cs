using System.Numerics;
using System.Numerics.Tensors;

namespace DlCourse.Numerics;

/// <summary>softmax(z)_k = exp(z_k) / Σ_j exp(z_j) with no max shift. Deliberately unstable: exp overflows to ∞ and ∞/∞ = NaN
/// (float64 from z ≈ 710, float32 from z ≈ 89). Kept for the A1 q7 notebook and the benchmark; use <see cref="StableSoftmax"/>.</summary>
public static class NaiveSoftmax
{
    public static void Apply<T>(ReadOnlySpan<T> logits, Span<T> destination) where T : IFloatingPointIeee754<T>
    {
        RowKernels.RequireSameLength(logits.Length, destination.Length, nameof(logits));
        TensorPrimitives.Exp(logits, destination);
        TensorPrimitives.Divide(destination, TensorPrimitives.Sum<T>(destination), destination);
    }

    public static double[] Apply(double[] logits) { var p = new double[logits.Length]; Apply<double>(logits, p); return p; }

    public static float[] Apply(float[] logits) { var p = new float[logits.Length]; Apply<float>(logits, p); return p; }
}
