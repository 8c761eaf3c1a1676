using MathNet.Numerics.LinearAlgebra;

namespace DlCourse.Numerics;

/// <summary>H(y, ŷ) = −Σ_k y_k log ŷ_k on probabilities ŷ (one sample; = −log ŷ_c for a class index c); batches are the mean over rows.
/// On logits prefer <see cref="CrossEntropyWithLogits"/>.</summary>
public static class CrossEntropy
{
    /// <summary>One sample, target a distribution (e.g. one-hot); terms with y_k = 0 are skipped (0·log 0 = 0).</summary>
    public static double Value(double[] probabilities, double[] target)
    {
        LossInputs.SameLength(probabilities.Length, target.Length, nameof(probabilities), nameof(target));
        double loss = 0;
        for (int k = 0; k < probabilities.Length; k++)
            if (target[k] != 0) loss -= target[k] * Math.Log(probabilities[k]);
        return loss;
    }

    /// <summary>One sample whose true class is <paramref name="label"/>: −log ŷ_label.</summary>
    public static double Value(double[] probabilities, int label)
    {
        LossInputs.Label(label, probabilities.Length, nameof(label));
        return -Math.Log(probabilities[label]);
    }

    public static double[] Gradient(double[] probabilities, double[] target)
    {
        LossInputs.SameLength(probabilities.Length, target.Length, nameof(probabilities), nameof(target));
        var g = new double[probabilities.Length];
        for (int k = 0; k < g.Length; k++) g[k] = -target[k] / probabilities[k];
        return g;
    }

    public static double[] Gradient(double[] probabilities, int label) => Gradient(probabilities, OneHot.Vector(label, probabilities.Length));

    /// <summary>Mean over the rows of an n×K probability matrix against n×K target rows.</summary>
    public static double Value(Matrix<double> probabilities, Matrix<double> targets)
    {
        LossInputs.SameShape(probabilities, targets, nameof(probabilities), nameof(targets));
        double sum = 0;
        for (int i = 0; i < probabilities.RowCount; i++) sum += Value(probabilities.Row(i).ToArray(), targets.Row(i).ToArray());
        return sum / probabilities.RowCount;
    }

    public static double Value(Matrix<double> probabilities, int[] labels) =>
        Value(probabilities, OneHot.Matrix(labels, probabilities.ColumnCount));

    public static Matrix<double> Gradient(Matrix<double> probabilities, Matrix<double> targets)
    {
        LossInputs.SameShape(probabilities, targets, nameof(probabilities), nameof(targets));
        return -targets.PointwiseDivide(probabilities) / probabilities.RowCount;
    }

    public static Matrix<double> Gradient(Matrix<double> probabilities, int[] labels) =>
        Gradient(probabilities, OneHot.Matrix(labels, probabilities.ColumnCount));
}
