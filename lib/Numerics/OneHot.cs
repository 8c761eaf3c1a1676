using MathNet.Numerics.LinearAlgebra;

namespace DlCourse.Numerics;

/// <summary>One-hot encodings of class labels 0..K−1.</summary>
public static class OneHot
{
    public static double[] Vector(int label, int classCount)
    {
        LossInputs.Label(label, classCount, nameof(label));
        var y = new double[classCount];
        y[label] = 1;
        return y;
    }

    /// <summary>An n×K matrix whose row i is the one-hot encoding of labels[i].</summary>
    public static Matrix<double> Matrix(int[] labels, int classCount)
    {
        LossInputs.Labels(labels.Length, classCount, labels);
        var y = Matrix<double>.Build.Dense(labels.Length, classCount);
        for (int i = 0; i < labels.Length; i++) y[i, labels[i]] = 1;
        return y;
    }
}
