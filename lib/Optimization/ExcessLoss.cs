using DlCourse.Numerics;

namespace DlCourse.Optimization;

/// <summary>A run's loss above the optimum, J − J*, at every point of its recorded trajectory, with J evaluated in double
/// precision: a float32 loss near its optimum can dip below J* and break a log axis.</summary>
public sealed class ExcessLoss
{
    private ExcessLoss(TrainingHistory run, double[] values)
    {
        Run = run;
        Values = values;
    }

    /// <summary>J(θ) − <paramref name="optimum"/> at each θ of <paramref name="run"/>'s trajectory (steps or epochs, as recorded).</summary>
    public static ExcessLoss Along(TrainingHistory run, Func<double[], double> loss, double optimum)
    {
        ArgumentNullException.ThrowIfNull(run);
        ArgumentNullException.ThrowIfNull(loss);
        if (!double.IsFinite(optimum)) throw new ArgumentOutOfRangeException(nameof(optimum), optimum, "the optimum must be finite.");
        if (run.Trajectory.Count == 0)
            throw new ArgumentException($"{run.Name}: no trajectory recorded; train with RecordSteps or RecordTrajectory.", nameof(run));
        return new ExcessLoss(run, run.Trajectory.Select(p => loss(Array.ConvertAll(p, v => (double)v)) - optimum).ToArray());
    }

    /// <summary>A line per run: updates, final J − J*, rises, what the last updates divided it by, and the path's reversals along
    /// <paramref name="across"/> (a valley's steep direction, so its zig-zags across the valley; moves under 1e-6 are skipped).</summary>
    public static string Table(IEnumerable<ExcessLoss> runs, IReadOnlyList<double> across, int lastUpdates = 20)
    {
        ArgumentNullException.ThrowIfNull(runs);
        ArgumentNullException.ThrowIfNull(across);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(lastUpdates);
        var list = runs.ToList();
        if (list.FirstOrDefault(e => e.Updates < lastUpdates) is { } shortRun)
            throw new ArgumentException($"{shortRun.Name} has {shortRun.Updates} updates, fewer than the last {lastUpdates} asked for.", nameof(runs));
        return string.Join("\n", list.Select(e => $"{e.Name,-24} {e.Updates,4} updates, final J − J* = {e.Final:G3}; J − J* rose at {e.Rises,3} updates; " +
            $"last {lastUpdates} updates divided it by {e.Values[^(lastUpdates + 1)] / e.Final:G3}; reversals across the valley {SequenceMoves.ReversalsAlong(e.Run.Trajectory, across),3}"));
    }

    public TrainingHistory Run { get; }

    public string Name => Run.Name;

    /// <summary>J − J* at the start, then after each update.</summary>
    public double[] Values { get; }

    public int Updates => Values.Length - 1;

    public double Final => Values[^1];

    /// <summary>Updates at which J − J* rose.</summary>
    public int Rises => SequenceMoves.Rises(Values);

    /// <summary>How many points, from the start, lie at or above <paramref name="floor"/> before the first one below it (all of
    /// them when none is below): the part of the path that rounding has not reached.</summary>
    public int PointsAbove(double floor)
    {
        int below = Array.FindIndex(Values, e => e < floor);
        return below < 0 ? Values.Length : below;
    }
}
