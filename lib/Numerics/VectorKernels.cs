using System.Numerics;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;

namespace DlCourse.Numerics;

/// <summary>
/// Dot product and axpy over float spans with <see cref="Vector{T}"/>, compiled optimised from the first call, and the
/// conversion of a double point into the models' float features.
/// TensorPrimitives computes the same, but its generic operators run unoptimised until tiered compilation promotes
/// them, which costs seconds in a short notebook on a busy machine.
/// </summary>
internal static class VectorKernels
{
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static float Dot(ReadOnlySpan<float> a, ReadOnlySpan<float> b)
    {
        if (a.Length != b.Length) throw new ArgumentException($"lengths differ: {a.Length} and {b.Length}");
        int width = Vector<float>.Count, i = 0;
        var sum = Vector<float>.Zero;
        var va = MemoryMarshal.Cast<float, Vector<float>>(a);
        var vb = MemoryMarshal.Cast<float, Vector<float>>(b);
        for (int v = 0; v < va.Length; v++) sum = Vector.FusedMultiplyAdd(va[v], vb[v], sum);
        float total = Vector.Sum(sum);
        for (i = va.Length * width; i < a.Length; i++) total += a[i] * b[i];
        return total;
    }

    /// <summary>Doubles as the models' floats: a point of a plot's grid, a θ or a gradient from the double-valued analysis.</summary>
    public static float[] ToSingle(ReadOnlySpan<double> x)
    {
        var features = new float[x.Length];
        for (int i = 0; i < x.Length; i++) features[i] = (float)x[i];
        return features;
    }

    /// <summary>y ← y + alpha·x.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static void AddScaled(ReadOnlySpan<float> x, float alpha, Span<float> y)
    {
        if (x.Length != y.Length) throw new ArgumentException($"lengths differ: {x.Length} and {y.Length}");
        int width = Vector<float>.Count;
        var vx = MemoryMarshal.Cast<float, Vector<float>>(x);
        var vy = MemoryMarshal.Cast<float, Vector<float>>(y);
        var scale = new Vector<float>(alpha);
        for (int v = 0; v < vx.Length; v++) vy[v] = Vector.FusedMultiplyAdd(vx[v], scale, vy[v]);
        for (int i = vx.Length * width; i < x.Length; i++) y[i] += alpha * x[i];
    }
}
