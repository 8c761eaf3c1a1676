using MathNet.Numerics.LinearAlgebra;

namespace DlCourse.Numerics;

/// <summary>R(w) = (λ/2) Σ_j w_j², gradient λw. For the course's (λ/2m)Σw² pass λ/m. Leave biases out of <c>w</c>: they are not regularised.</summary>
[AnswerTo("a1q3", "a3q3")]
public static class L2Penalty
{
    public static double Value(double[] weights, double lambda)
    {
        double sum = 0;
        foreach (var w in weights) sum += w * w;
        return 0.5 * lambda * sum;
    }

    public static double[] Gradient(double[] weights, double lambda) => Array.ConvertAll(weights, w => lambda * w);

    /// <summary>(λ/2)‖W‖²_F for a weight matrix.</summary>
    public static double Value(Matrix<double> weights, double lambda) => 0.5 * lambda * weights.PointwiseMultiply(weights).Enumerate().Sum();

    public static Matrix<double> Gradient(Matrix<double> weights, double lambda) => weights * lambda;
}
