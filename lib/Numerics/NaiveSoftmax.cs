using System.Numerics;
using System.Numerics.Tensors;

namespace DlCourse.Numerics;

/// <summary>softmax(z)_k = exp(z_k) / Σ_j exp(z_j), exactly as written: deliberately unstable, for the notebooks that show
/// where it breaks and for the benchmark; use <see cref="StableSoftmax"/>.</summary>
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
