using DlCourse.Models;
using DlCourse.Optimization;
using Plotly.NET;

namespace DlCourse.Plotting;

public static partial class Charts
{
    /// <summary>The direction along the line z_k = z_j of a two-feature, three-class softmax classifier, from a point where all
    /// three logits tie, into the half of the line where classes k and j lead the third; its length is ‖w_k − w_j‖ (1 when normalised).</summary>
    public static double[] BoundaryDirection(SoftmaxClassifier model, int k, int j, IReadOnlyList<double> from, bool normalize = false)
    {
        CheckBoundaryArguments(model, k, j, from);
        int other = 3 - k - j;
        double Z(int c, double x1, double x2) => model.Weights(c)[0] * x1 + model.Weights(c)[1] * x2 + model.Bias[c];
        // Perpendicular to w_k − w_j, the normal of the line.
        double[] d = [-(model.Weights(k)[1] - model.Weights(j)[1]), model.Weights(k)[0] - model.Weights(j)[0]];
        double length = Math.Sqrt(d[0] * d[0] + d[1] * d[1]);
        if (length == 0) throw new ArgumentException($"Classes {k} and {j} have the same weights: z_{k} − z_{j} is constant, not a line.", nameof(model));
        if (normalize) d = [d[0] / length, d[1] / length];
        // Of the line's two halves from the point, keep the one on which the pair's lead over the third class grows.
        double Lead(double t) => Z(k, from[0] + t * d[0], from[1] + t * d[1]) - Z(other, from[0] + t * d[0], from[1] + t * d[1]);
        return Lead(1) < Lead(0) ? [-d[0], -d[1]] : d;
    }

    /// <summary>The boundary between regions k and j as a line series: the points from + t·d (d from <see cref="BoundaryDirection"/>),
    /// t = 0, step, 2·step, … (<paramref name="points"/> of them), that lie in the box <paramref name="x"/> × <paramref name="y"/>.</summary>
    public static Series BoundaryRay(SoftmaxClassifier model, int k, int j, IReadOnlyList<double> from, AxisRange x, AxisRange y,
        double step = 0.01, int points = 2000)
    {
        ArgumentNullException.ThrowIfNull(x);
        ArgumentNullException.ThrowIfNull(y);
        if (!(step > 0) || !double.IsFinite(step)) throw new ArgumentOutOfRangeException(nameof(step), step, "the step along the ray must be positive and finite.");
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(points);
        var d = BoundaryDirection(model, k, j, from);
        bool Inside(double t) => from[0] + t * d[0] >= x.Min && from[0] + t * d[0] <= x.Max && from[1] + t * d[1] >= y.Min && from[1] + t * d[1] <= y.Max;
        var ts = Enumerable.Range(0, points).Select(i => i * step).Where(Inside).ToArray();
        return new Series($"boundary class {k} | class {j}", ts.Select(t => from[0] + t * d[0]).ToArray(), ts.Select(t => from[1] + t * d[1]).ToArray());
    }

    /// <summary>Each run's decision boundary x₂ = slope·x₁ + intercept (a two-feature <see cref="LogisticRegression"/>) after every
    /// recorded step, as a path in the (slope, intercept) plane.</summary>
    public static GenericChart BoundaryPaths(IEnumerable<TrainingHistory> runs, string title)
    {
        ArgumentNullException.ThrowIfNull(runs);
        var list = runs.ToList();
        if (list.FirstOrDefault(r => r.Trajectory.Count == 0 || r.Trajectory[0].Length != 3) is { } bad)
            throw new ArgumentException($"{bad.Name}: expected a recorded trajectory of (w₁, w₂, b); train with RecordTrajectory.", nameof(runs));
        return Lines(title, "slope", "intercept", list.Select(r =>
        {
            var path = r.Trajectory.Select(p => new LogisticRegression(2).WithParameters(p).Boundary()).ToList();
            return new Series(r.Name, path.Select(b => b.Slope).ToArray(), path.Select(b => b.Intercept).ToArray());
        }));
    }

    private static void CheckBoundaryArguments(SoftmaxClassifier model, int k, int j, IReadOnlyList<double> from)
    {
        ArgumentNullException.ThrowIfNull(model);
        ArgumentNullException.ThrowIfNull(from);
        if (model.ClassCount != 3 || model.FeatureCount != 2)
            throw new ArgumentException($"Expected a classifier of 3 classes on 2 features, got {model.ClassCount} classes on {model.FeatureCount}.", nameof(model));
        if (k is < 0 or > 2 || j is < 0 or > 2 || k == j) throw new ArgumentException($"Expected two different classes of 0, 1, 2, got {k} and {j}.");
        if (from.Count != 2 || !double.IsFinite(from[0]) || !double.IsFinite(from[1]))
            throw new ArgumentException("The starting point must be two finite coordinates.", nameof(from));
    }
}
