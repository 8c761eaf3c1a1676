using System.Numerics.Tensors;
using DlCourse.Data;

namespace DlCourse.Models;

/// <summary>
/// Least squares ŷ = wᵀx + b with loss MSE = (1/m) Σ (ŷ − y)², fitted by gradient descent.
/// Parameters: w, then b. Targets are the data's
/// <see cref="Dataset.Targets"/>, or its labels when there are none (as for XOR).
/// </summary>
public sealed class LinearRegression : Model
{
    public LinearRegression(int featureCount)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(featureCount, 1);
        FeatureCount = featureCount;
        w = AddParameter("w", featureCount);
        b = AddParameter("b", 1);
    }

    public int FeatureCount { get; }

#pragma warning disable IDE1006 // w and b, as in the formula
    /// <summary>The weights, one per feature.</summary>
    public Parameter w { get; }

    /// <summary>The bias (one entry).</summary>
    public Parameter b { get; }
#pragma warning restore IDE1006

    public Span<float> Weights => w.Value;

    public float Bias { get => b.Value[0]; set => b.Value[0] = value; }

    /// <summary>A copy with <paramref name="parameters"/> (w, then b), e.g. <c>new LinearRegression(2).WithParameters([0.3f, -0.7f, 0.2f])</c>.</summary>
    public LinearRegression WithParameters(ReadOnlySpan<float> parameters)
    {
        var copy = new LinearRegression(FeatureCount);
        ModelParameters.CopyInto(parameters, copy.Parameters);
        return copy;
    }

    public double Predict(ReadOnlySpan<float> x) => TensorPrimitives.Dot(w.Value, x) + b.Value[0];

    // Hot loop: compile it optimised at once rather than after tier-0 warm-up (seconds in a short notebook).
    [System.Runtime.CompilerServices.MethodImpl(System.Runtime.CompilerServices.MethodImplOptions.AggressiveOptimization)]
    protected override double Backward(Dataset data, int[] rows)
    {
        if (data.FeatureCount != FeatureCount) throw new ArgumentException($"the model expects {FeatureCount} features, the data has {data.FeatureCount}");
        int m = rows.Length;
        Span<float> gradient = Gradient;
        double loss = 0;
        for (int r = 0; r < m; r++)
        {
            int i = rows[r];
            var x = data.Row(i);
            double error = Predict(x) - data.Target(i);
            loss += error * error;
            float g = (float)(2 * error / m);
            TensorPrimitives.MultiplyAdd(x, g, gradient[..FeatureCount], gradient[..FeatureCount]);
            gradient[FeatureCount] += g;
        }
        return loss / m;
    }
}
