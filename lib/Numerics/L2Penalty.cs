using MathNet.Numerics.LinearAlgebra;

namespace DlCourse.Numerics;

/// <summary>R(w) = (λ/2) Σ_j w_j², with λ the weight decay; for a penalty (λ/2m)Σw² pass λ/m. Leave biases
/// out of <c>w</c>: they are not regularised.</summary>
public static class L2Penalty
{
    public static double Value(double[] weights, double weightDecay)
    {
        double sum = 0;
        foreach (var w in weights) sum += w * w;
        return 0.5 * weightDecay * sum;
    }

    /// <summary>(λ/2)‖W‖²_F for a weight matrix.</summary>
    public static double Value(Matrix<double> weights, double weightDecay) => 0.5 * weightDecay * weights.PointwiseMultiply(weights).Enumerate().Sum();

    /// <summary>The one domain check for a weight decay, used wherever one is given: finite and ≥ 0.</summary>
    internal static double CheckWeightDecay(double weightDecay, string parameterName) =>
        double.IsFinite(weightDecay) && weightDecay >= 0 ? weightDecay
            : throw new ArgumentOutOfRangeException(parameterName, weightDecay, "the weight decay λ must be finite and ≥ 0");
}
