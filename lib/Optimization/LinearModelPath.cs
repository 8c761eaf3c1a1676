namespace DlCourse.Optimization;

/// <summary>A linear model's parameters (w₁ … w_d, b) along a recorded trajectory: b and the weights' norm ‖w‖ at every point,
/// where ‖w‖ peaks, and how far the weights move.</summary>
public sealed class LinearModelPath
{
    private readonly IReadOnlyList<float[]> trajectory;

    /// <param name="run">Trained with RecordTrajectory or RecordSteps; each point holds the weights, then the bias.</param>
    public LinearModelPath(TrainingHistory run)
    {
        ArgumentNullException.ThrowIfNull(run);
        trajectory = run.Trajectory;
        if (trajectory.Count == 0) throw new ArgumentException($"{run.Name}: no trajectory recorded; train with RecordTrajectory.", nameof(run));
        if (trajectory.Any(p => p.Length < 2 || p.Length != trajectory[0].Length))
            throw new ArgumentException($"{run.Name}: every point needs the same weights (one or more) and a bias.", nameof(run));
        Bias = trajectory.Select(p => (double)p[^1]).ToArray();
        WeightNorm = trajectory.Select(p =>
        {
            float squares = 0; // in float32, as the parameters are held
            for (int j = 0; j < p.Length - 1; j++) squares += p[j] * p[j];
            return Math.Sqrt(squares);
        }).ToArray();
        PeakNormStep = Array.IndexOf(WeightNorm, WeightNorm.Max());
    }

    /// <summary>b at the start and after every recorded step.</summary>
    public double[] Bias { get; }

    /// <summary>‖w‖ at the start and after every recorded step.</summary>
    public double[] WeightNorm { get; }

    /// <summary>The first point at which ‖w‖ is largest.</summary>
    public int PeakNormStep { get; }

    /// <summary>The weights w at a point (0 is the start).</summary>
    public float[] Weights(int step) => trajectory[CheckStep(step)][..^1];

    /// <summary>‖w(to) − w(from)‖: how far the weights move between two points.</summary>
    public double WeightMove(int from, int to)
    {
        float[] a = trajectory[CheckStep(to)], b = trajectory[CheckStep(from)];
        double squares = 0;
        for (int j = 0; j < a.Length - 1; j++) squares += Math.Pow(a[j] - b[j], 2);
        return Math.Sqrt(squares);
    }

    /// <summary>‖w(step) − point‖: how far the weights at a point are from given weights.</summary>
    public double WeightDistance(int step, IReadOnlyList<double> point)
    {
        ArgumentNullException.ThrowIfNull(point);
        var w = trajectory[CheckStep(step)];
        if (point.Count != w.Length - 1) throw new ArgumentException($"Expected {w.Length - 1} weights, got {point.Count}.", nameof(point));
        double squares = 0;
        for (int j = 0; j < point.Count; j++) squares += Math.Pow(w[j] - point[j], 2);
        return Math.Sqrt(squares);
    }

    /// <summary>Where ‖w‖ peaks and where it ends, each with b there.</summary>
    public override string ToString() =>
        $"‖w‖ peaks at {WeightNorm[PeakNormStep]:F3} after {PeakNormStep} steps (b = {Bias[PeakNormStep]:F3}) and ends at {WeightNorm[^1]:F3} (b = {Bias[^1]:F3})";

    private int CheckStep(int step) => step >= 0 && step < trajectory.Count ? step
        : throw new ArgumentOutOfRangeException(nameof(step), step, $"the path has points 0 … {trajectory.Count - 1}.");
}
