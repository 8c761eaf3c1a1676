using MathNet.Numerics.LinearAlgebra;

namespace DlCourse.Tests.Numerics;

/// <summary>Seeded random inputs so that every test sees the same numbers on every run.</summary>
internal static class TestData
{
    public static double[] Normal(Random rng, int n, double scale = 1)
    {
        var x = new double[n];
        for (int i = 0; i < n; i++)
            x[i] = scale * Math.Sqrt(-2 * Math.Log(1 - rng.NextDouble())) * Math.Cos(2 * Math.PI * rng.NextDouble());
        return x;
    }

    public static double[] Uniform(Random rng, int n, double low, double high)
    {
        var x = new double[n];
        for (int i = 0; i < n; i++) x[i] = low + (high - low) * rng.NextDouble();
        return x;
    }

    /// <summary>A random distribution with every entry at least ~0.01/n, so that logs stay moderate.</summary>
    public static double[] Distribution(Random rng, int n)
    {
        var p = Uniform(rng, n, 0.01, 1);
        double s = p.Sum();
        return p.Select(v => v / s).ToArray();
    }

    public static Matrix<double> NormalMatrix(Random rng, int rows, int columns, double scale = 1) =>
        Matrix<double>.Build.DenseOfColumnMajor(rows, columns, Normal(rng, rows * columns, scale));

    public static int[] Labels(Random rng, int n, int classes) => Enumerable.Range(0, n).Select(_ => rng.Next(classes)).ToArray();

    /// <summary>The least-squares fit (w, then b) of a data set's targets (its labels when it has none), by MathNet's QR.</summary>
    public static double[] LeastSquares(DlCourse.Data.Dataset data)
    {
        var design = Matrix<double>.Build.Dense(data.Count, data.FeatureCount + 1, (i, j) => j < data.FeatureCount ? data[i, j] : 1.0);
        return design.Solve(Vector<double>.Build.Dense(data.Count, i => data.Target(i))).ToArray();
    }
}
