using System.Numerics;
using System.Numerics.Tensors;
using MathNet.Numerics.LinearAlgebra;

namespace DlCourse.Numerics;

/// <summary>log softmax(z), finite even where softmax itself underflows to 0.</summary>
public static class LogSoftmax
{
    public static void Apply<T>(ReadOnlySpan<T> logits, Span<T> destination) where T : IFloatingPointIeee754<T>
    {
        RowKernels.RequireSameLength(logits.Length, destination.Length, nameof(logits));
        T lse = LogSumExp.Apply(logits);
        TensorPrimitives.Subtract(logits, lse, destination);
    }

    public static double[] Apply(double[] logits) { var p = new double[logits.Length]; Apply<double>(logits, p); return p; }

    public static float[] Apply(float[] logits) { var p = new float[logits.Length]; Apply<float>(logits, p); return p; }

    /// <summary>One log-softmax per row (rows = samples, columns = classes).</summary>
    public static Matrix<double> Apply(Matrix<double> logits) => RowKernels.MapRows<double>(logits, Apply);

    public static Matrix<float> Apply(Matrix<float> logits) => RowKernels.MapRows<float>(logits, Apply);
}
