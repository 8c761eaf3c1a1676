using MathNet.Numerics.LinearAlgebra;

namespace DlCourse.Data;

/// <summary>Small seeded 2-D data sets for the gradient-descent and decision-region questions, and the random draws (normal
/// values, probability vectors) that synthetic checks are made of.</summary>
public static class Synthetic
{
    /// <summary>Two Gaussian classes: class 0 around (−1, −1), class 1 around (1, 1), each with standard deviation <paramref name="spread"/>.</summary>
    public static Dataset TwoGaussians(int perClass, int seed, double spread = 1.0) =>
        Gaussians([(-1, -1), (1, 1)], perClass, seed, spread);

    /// <summary>Three Gaussian classes around the corners of a triangle centred on the origin.</summary>
    public static Dataset ThreeGaussians(int perClass, int seed, double spread = 0.7) =>
        Gaussians([(0, 2), (-1.8, -1), (1.8, -1)], perClass, seed, spread);

    /// <summary>Classes with Gaussian clouds around the given centres, in shuffled order.</summary>
    public static Dataset Gaussians(IReadOnlyList<(double X, double Y)> centres, int perClass, int seed, double spread)
    {
        var random = new Random(seed);
        var rows = new List<double[]>();
        var labels = new List<int>();
        for (int c = 0; c < centres.Count; c++)
            for (int i = 0; i < perClass; i++)
            {
                rows.Add([centres[c].X + spread * Normal(random), centres[c].Y + spread * Normal(random)]);
                labels.Add(c);
            }
        return Dataset.FromRows(rows, labels.ToArray(), centres.Count).Shuffle(seed);
    }

    /// <summary>The four XOR points (0,0)→0, (0,1)→1, (1,0)→1, (1,1)→0.</summary>
    public static Dataset Xor() => Dataset.FromRows([[0, 0], [0, 1], [1, 0], [1, 1]], [0, 1, 1, 0]);

    /// <summary>XOR with Gaussian noise: <paramref name="perCorner"/> points around each corner of the unit square.</summary>
    public static Dataset NoisyXor(int perCorner, int seed, double spread = 0.15)
    {
        var random = new Random(seed);
        var rows = new List<double[]>();
        var labels = new List<int>();
        foreach (var (x, y) in new[] { (0, 0), (0, 1), (1, 0), (1, 1) })
            for (int i = 0; i < perCorner; i++)
            {
                rows.Add([x + spread * Normal(random), y + spread * Normal(random)]);
                labels.Add(x ^ y);
            }
        return Dataset.FromRows(rows, labels.ToArray(), 2).Shuffle(seed);
    }

    /// <summary>Regression data on a line: <paramref name="count"/> inputs x ~ N(inputMean, inputSpread²) drawn first, then for each
    /// x the target slope·x + intercept + noise·N(0, 1); the inputs also come back in double precision.</summary>
    public static (double[] Inputs, Dataset Data) NoisyLine(int count, double slope, double intercept, double inputMean, double inputSpread,
        double noise, int seed)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(count);
        if (new[] { slope, intercept, inputMean, inputSpread, noise }.Any(v => !double.IsFinite(v)))
            throw new ArgumentException("The slope, intercept, input mean and spread and the noise must be finite.");
        if (inputSpread < 0 || noise < 0) throw new ArgumentOutOfRangeException(inputSpread < 0 ? nameof(inputSpread) : nameof(noise), "a spread must be ≥ 0.");
        var random = new Random(seed);
        var x = Enumerable.Range(0, count).Select(_ => inputMean + inputSpread * Normal(random)).ToArray();
        return (x, Dataset.Regression(x, x.Select(v => slope * v + intercept + noise * Normal(random)).ToArray()));
    }

    /// <summary>A standard normal draw (Box–Muller).</summary>
    public static double Normal(Random random)
    {
        double u = 1.0 - random.NextDouble();
        return Math.Sqrt(-2.0 * Math.Log(u)) * Math.Cos(2 * Math.PI * random.NextDouble());
    }

    /// <summary>A probability vector of <paramref name="count"/> entries drawn uniformly from the simplex (Dirichlet(1, …, 1)):
    /// independent exponential draws divided by their sum.</summary>
    public static double[] ProbabilityVector(Random random, int count)
    {
        ArgumentNullException.ThrowIfNull(random);
        ArgumentOutOfRangeException.ThrowIfLessThan(count, 1);
        var v = Enumerable.Range(0, count).Select(_ => -Math.Log(1 - random.NextDouble())).ToArray();
        double sum = v.Sum();
        return v.Select(x => x / sum).ToArray();
    }

    /// <summary>A <paramref name="rows"/> × <paramref name="columns"/> matrix of independent draws uniform on
    /// [−<paramref name="halfWidth"/>, <paramref name="halfWidth"/>): random weights or features for a numerical check.</summary>
    public static Matrix<double> UniformMatrix(Random random, int rows, int columns, double halfWidth = 1)
    {
        ArgumentNullException.ThrowIfNull(random);
        ArgumentOutOfRangeException.ThrowIfNegative(rows);
        ArgumentOutOfRangeException.ThrowIfNegative(columns);
        CheckHalfWidth(halfWidth);
        return Matrix<double>.Build.Dense(rows, columns, (_, _) => halfWidth * (2 * random.NextDouble() - 1));
    }

    /// <summary><paramref name="count"/> independent draws uniform on [−<paramref name="halfWidth"/>, <paramref name="halfWidth"/>), in order.</summary>
    public static double[] UniformVector(Random random, int count, double halfWidth = 1)
    {
        ArgumentNullException.ThrowIfNull(random);
        ArgumentOutOfRangeException.ThrowIfNegative(count);
        CheckHalfWidth(halfWidth);
        var v = new double[count];
        for (int i = 0; i < count; i++) v[i] = halfWidth * (2 * random.NextDouble() - 1);
        return v;
    }

    internal static void CheckHalfWidth(double halfWidth)
    {
        if (!(halfWidth > 0) || !double.IsFinite(halfWidth))
            throw new ArgumentOutOfRangeException(nameof(halfWidth), halfWidth, "the half-width must be positive and finite");
    }
}
