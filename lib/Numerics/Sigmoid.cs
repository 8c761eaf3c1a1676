using System.Numerics;
using MathNet.Numerics.LinearAlgebra;

namespace DlCourse.Numerics;

/// <summary>σ(z) = 1/(1 + e^(−z)), evaluated as e^z/(1 + e^z) for z &lt; 0 so that exp never overflows (exact 0 and 1 at the extremes, never NaN).</summary>
public static class Sigmoid
{
    public static T Apply<T>(T z) where T : IFloatingPointIeee754<T>
    {
        if (z >= T.Zero) return T.One / (T.One + T.Exp(-z));
        T e = T.Exp(z);
        return e / (T.One + e);
    }

    public static double Apply(double z) => Apply<double>(z);

    public static float Apply(float z) => Apply<float>(z);

    public static void Apply<T>(ReadOnlySpan<T> logits, Span<T> destination) where T : IFloatingPointIeee754<T>
    {
        RowKernels.RequireSameLength(logits.Length, destination.Length, nameof(logits));
        for (int i = 0; i < logits.Length; i++) destination[i] = Apply(logits[i]);
    }

    public static double[] Apply(double[] logits) => Array.ConvertAll(logits, Apply);

    public static float[] Apply(float[] logits) => Array.ConvertAll(logits, Apply);

    /// <summary>Element-wise σ of a matrix.</summary>
    public static Matrix<double> Apply(Matrix<double> logits) => logits.Map(Apply);

    public static Matrix<float> Apply(Matrix<float> logits) => logits.Map(Apply);

    /// <summary>σ'(z) = σ(z)(1 − σ(z)).</summary>
    public static double Derivative(double z) { double s = Apply(z); return s * (1 - s); }
}
