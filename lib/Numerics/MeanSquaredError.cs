using MathNet.Numerics.LinearAlgebra;

namespace DlCourse.Numerics;

/// <summary>L(ŷ, y) = (1/n) Σ_i (ŷ_i − y_i)², the mean over all n entries (as PyTorch's MSELoss).</summary>
public static class MeanSquaredError
{
    public static double Value(double[] predicted, double[] target)
    {
        LossInputs.SameLength(predicted.Length, target.Length);
        double sum = 0;
        for (int i = 0; i < predicted.Length; i++) sum += (predicted[i] - target[i]) * (predicted[i] - target[i]);
        return sum / predicted.Length;
    }

    /// <summary>Mean over every entry of the n×K matrices.</summary>
    public static double Value(Matrix<double> predicted, Matrix<double> target)
    {
        LossInputs.SameShape(predicted, target);
        var diff = predicted - target;
        return diff.PointwiseMultiply(diff).Enumerate().Sum() / (diff.RowCount * diff.ColumnCount);
    }
}
