using DlCourse.Models;
using DlCourse.Numerics;
using DlCourse.Optimization;

namespace DlCourse.Derivations;

/// <summary>Full-batch gradient-descent runs of one two-feature logistic model at several learning rates, read for zig-zags:
/// η·λ_max, direction reversals and how soon each run comes near the lowest loss of all.</summary>
public sealed class LearningRateZigZags
{
    /// <summary>One run: η·λ_max at its first and last point, reversals along H's steepest eigenvector at the start and of the
    /// decision boundary's slope and intercept, and the first step within the margin of the lowest loss (null: never).</summary>
    public sealed record Run(string Name, double Rate, double RateTimesLargestAtStart, double RateTimesLargestAtEnd,
        int SteepestReversals, int SlopeReversals, int InterceptReversals, int? StepsToLowest, double FinalLoss);

    private LearningRateZigZags(double lowest, double margin, IReadOnlyList<Run> runs)
    {
        Lowest = lowest;
        Margin = margin;
        Runs = runs;
    }

    /// <summary>Reads <paramref name="runs"/> (trained with <c>RecordTrajectory</c>, at <paramref name="rates"/>, all from the
    /// same start) with the Hessians of <paramref name="loss"/>; moves under 1e-6 are rounding and are not reversals.</summary>
    public static LearningRateZigZags Of(IReadOnlyList<TrainingHistory> runs, IReadOnlyList<double> rates, LogisticModelLoss loss, double margin = 1e-4)
    {
        ArgumentNullException.ThrowIfNull(runs);
        ArgumentNullException.ThrowIfNull(rates);
        ArgumentNullException.ThrowIfNull(loss);
        if (runs.Count == 0 || runs.Count != rates.Count) throw new ArgumentException($"Give one learning rate per run ({runs.Count} runs, {rates.Count} rates), at least one.", nameof(rates));
        if (loss.ParameterCount != 3) throw new ArgumentException("The decision boundary's slope and intercept need a model of two features (w₁, w₂, b).", nameof(loss));
        if (runs.Any(r => r.Trajectory.Count < 2)) throw new ArgumentException("Every run needs its trajectory: train with RecordTrajectory = true.", nameof(runs));
        if (!(margin > 0)) throw new ArgumentOutOfRangeException(nameof(margin), margin, "the margin above the lowest loss must be positive.");
        SymmetricEigen CurvatureAt(float[] p) => new(loss.Hessian(ModelFunctions.ParametersOf(p)));
        var start = CurvatureAt(runs[0].Trajectory[0]);
        double lowest = runs.Min(r => r.TrainLoss.Min());
        var rows = runs.Select((run, r) =>
        {
            var boundaries = run.Trajectory.Select(p => new LogisticRegression(2).WithParameters(p).Boundary()).ToList();
            return new Run(run.Name, rates[r], rates[r] * start.Largest, rates[r] * CurvatureAt(run.Trajectory[^1]).Largest,
                SequenceMoves.ReversalsAlong(run.Trajectory, start.Vectors[0]), SequenceMoves.Reversals(boundaries.Select(b => b.Slope)),
                SequenceMoves.Reversals(boundaries.Select(b => b.Intercept)), run.FirstEpochReaching(lowest + margin), run.FinalTrainLoss);
        }).ToList();
        return new LearningRateZigZags(lowest, margin, rows);
    }

    /// <summary>The lowest loss of all runs at any step.</summary>
    public double Lowest { get; }

    public double Margin { get; }

    /// <summary>In the order given.</summary>
    public IReadOnlyList<Run> Runs { get; }

    /// <summary>The run that comes within the margin of the lowest loss in the fewest steps (the first if tied; null: none does).</summary>
    public Run? Fastest => Runs.Where(r => r.StepsToLowest is not null).OrderBy(r => r.StepsToLowest).FirstOrDefault();

    /// <summary>The lowest loss, a line per run, and which rate gets near it first against the first and last rates.</summary>
    public override string ToString()
    {
        string margin = Margin.ToString("0e0");
        var lines = new List<string> { $"lowest NLL of all runs {Lowest:F5}" };
        lines.AddRange(Runs.Select(r =>
            $"{r.Name,-9} η·λ_max {r.RateTimesLargestAtStart,4:F2} at the start, {r.RateTimesLargestAtEnd,4:F2} at the end;  reversals: steepest direction {r.SteepestReversals,3}, slope {r.SlopeReversals,3}, intercept {r.InterceptReversals};  " +
            $"within {margin} of the lowest NLL after {(r.StepsToLowest is int steps ? $"{steps,3} step(s)" : "more steps than the run")};  final NLL {r.FinalLoss:F5}"));
        if (Fastest is { } f)
            lines.Add($"fastest to within {margin} of the lowest NLL: η = {f.Rate} ({f.StepsToLowest} step(s), slope reversals {f.SlopeReversals}); " +
                      $"η = {Runs[0].Rate} takes {Runs[0].StepsToLowest} ({Runs[0].SlopeReversals} slope reversals), η = {Runs[^1].Rate} takes {Runs[^1].StepsToLowest?.ToString() ?? "longer than the run"}");
        return string.Join("\n", lines);
    }
}
