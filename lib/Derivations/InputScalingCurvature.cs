using DlCourse.Data;
using DlCourse.Numerics;
using MathNet.Numerics.LinearAlgebra;

namespace DlCourse.Derivations;

/// <summary>A loss's Hessian eigenvalues at one model (logistic) or anywhere (squared error of a linear model), with the
/// inputs as given, centred and standardised; the weights and bias are carried over so that every example keeps its output.</summary>
public sealed class InputScalingCurvature
{
    /// <summary>The curvature with one choice of inputs.</summary>
    public sealed record Row(string Inputs, double Largest, double Smallest, double ConditionNumber);

    private InputScalingCurvature(double[] means, double[] deviations, double[] meanSquares, IReadOnlyList<Row> rows)
    {
        Means = means;
        StandardDeviations = deviations;
        MeanSquares = meanSquares;
        Rows = rows;
    }

    /// <summary>At <paramref name="parameters"/> = (w₁ … w_d, b) of a logistic model on the two-class <paramref name="data"/>.</summary>
    public static InputScalingCurvature Of(Dataset data, IReadOnlyList<float> parameters, LogisticLossKind kind = LogisticLossKind.CrossEntropy)
    {
        ArgumentNullException.ThrowIfNull(data);
        ArgumentNullException.ThrowIfNull(parameters);
        int d = data.FeatureCount;
        if (parameters.Count != d + 1)
            throw new ArgumentException($"Expected {d + 1} parameters (w₁ … w_{d}, b) for {d} features, got {parameters.Count}.", nameof(parameters));
        var labels = data.Labels.Select(y => (double)y).ToArray();
        return From(data, [.. parameters.Select(p => (double)p)], (x, theta) => new LogisticModelLoss(kind, x, labels).Hessian(theta));
    }

    /// <summary>For the mean squared error of a linear model ŷ = w·x + b, whose Hessian (2/m)[X 1]ᵀ[X 1] does not depend on w and b.</summary>
    public static InputScalingCurvature OfSquaredError(Dataset data)
    {
        ArgumentNullException.ThrowIfNull(data);
        return From(data, new double[data.FeatureCount + 1], (x, _) =>
        {
            var augmented = x.Append(Matrix<double>.Build.Dense(x.RowCount, 1, 1.0));
            return 2.0 / x.RowCount * augmented.TransposeThisAndMultiply(augmented);
        });
    }

    /// <param name="hessian">The loss's Hessian for inputs x (one row per example) at θ = (w₁ … w_d, b).</param>
    private static InputScalingCurvature From(Dataset data, double[] parameters, Func<Matrix<double>, double[], Matrix<double>> hessian)
    {
        int d = data.FeatureCount;
        if (data.Count < 2) throw new ArgumentException("At least two examples are needed for a standard deviation.", nameof(data));
        var columns = Enumerable.Range(0, d).Select(data.Column).ToArray();
        double[] mean = columns.Select(c => c.Average()).ToArray();
        double[] sd = columns.Select((c, j) => Math.Sqrt(c.Average(v => Math.Pow(v - mean[j], 2)))).ToArray();
        if (sd.Any(s => s == 0)) throw new ArgumentException("A feature is constant: it cannot be standardised.", nameof(data));
        // w·x + b = (s ⊙ w)·(x − x̄)/s + (b + w·x̄): the same outputs from the transformed inputs.
        double[] weights = parameters[..d];
        double shiftedBias = parameters[d];
        for (int j = 0; j < d; j++) shiftedBias += weights[j] * mean[j];
        Row Curvature(string name, Func<double, int, double> transform, double[] theta)
        {
            var x = Matrix<double>.Build.Dense(data.Count, d, (i, j) => transform(data[i, j], j));
            var c = new SymmetricEigen(hessian(x, theta));
            return new Row(name, c.Largest, c.Smallest, c.ConditionNumber);
        }
        var rows = new[]
        {
            Curvature("as given", (x, j) => x, parameters),
            Curvature("centred x − x̄", (x, j) => x - mean[j], [.. weights, shiftedBias]),
            Curvature("standardised (x − x̄)/s", (x, j) => (x - mean[j]) / sd[j], [.. weights.Select((w, j) => w * sd[j]), shiftedBias]),
        };
        return new InputScalingCurvature(mean, sd, columns.Select(c => c.Average(v => v * v)).ToArray(), rows);
    }

    /// <summary>Each feature's mean x̄.</summary>
    public IReadOnlyList<double> Means { get; }

    /// <summary>Each feature's standard deviation s (over the m examples, divided by m).</summary>
    public IReadOnlyList<double> StandardDeviations { get; }

    /// <summary>Each feature's mean square E[x²].</summary>
    public IReadOnlyList<double> MeanSquares { get; }

    /// <summary>As given, centred, standardised.</summary>
    public IReadOnlyList<Row> Rows { get; }

    /// <summary>A line on the inputs, then a line per choice of inputs.</summary>
    public override string ToString()
    {
        string List(IReadOnlyList<double> v) => string.Join(", ", v.Select(x => x.ToString("F2")));
        string squares = string.Join(", ", MeanSquares.Select((v, j) => $"E[x{Subscript(j + 1)}²] = {v:F1}"));
        var lines = new List<string> { $"inputs: means ({List(Means)}), standard deviations ({List(StandardDeviations)}), {squares}; the bias's input is 1" };
        lines.AddRange(Rows.Select(r => $"inputs {r.Inputs,-24} λ_max = {r.Largest:F3}, λ_min = {r.Smallest:F3}, κ = {r.ConditionNumber,5:F2}"));
        return string.Join("\n", lines);
    }

    private static string Subscript(int n) => string.Concat(n.ToString().Select(c => (char)('₀' + (c - '0'))));
}
