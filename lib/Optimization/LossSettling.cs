using DlCourse.Numerics;

namespace DlCourse.Optimization;

/// <summary>How runs on one problem settle near the lowest training loss any of them reached: how often each one's loss rose
/// from one epoch to the next, and how far above that lowest it is at the end and at worst over its last epochs.</summary>
public sealed class LossSettling
{
    /// <summary>One run: its rises, and its loss above the lowest of all runs at the end and at worst over the last epochs.</summary>
    public sealed record Row(TrainingHistory Run, int Rises, double EndAboveLowest, double WorstOfLastAboveLowest)
    {
        public string Name => Run.Name;
    }

    private LossSettling(double lowest, int lastEpochs, IReadOnlyList<Row> rows)
    {
        Lowest = lowest;
        LastEpochs = lastEpochs;
        Rows = rows;
    }

    /// <summary>Reads <paramref name="runs"/> (one row per epoch, as the trainers record them); a rise counts when the loss grows
    /// by more than <paramref name="riseSlack"/>, so that float32 rounding is not counted.</summary>
    public static LossSettling Of(IReadOnlyList<TrainingHistory> runs, int lastEpochs = 10, double riseSlack = 0)
    {
        ArgumentNullException.ThrowIfNull(runs);
        if (runs.Count == 0) throw new ArgumentException("Give at least one run.", nameof(runs));
        if (runs.Select(r => r.Name).Distinct().Count() != runs.Count) throw new ArgumentException("Two runs share a name; their rows could not be told apart.", nameof(runs));
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(lastEpochs);
        if (runs.FirstOrDefault(r => r.TrainLoss.Count < lastEpochs) is { } shortRun)
            throw new ArgumentException($"{shortRun.Name} has {shortRun.TrainLoss.Count} rows, fewer than the {lastEpochs} last epochs asked for.", nameof(runs));
        double lowest = runs.Min(r => r.TrainLoss.Min());
        var rows = runs.Select(r => new Row(r, SequenceMoves.Rises(r.TrainLoss, riseSlack), r.FinalTrainLoss - lowest,
            r.TrainLoss.Skip(r.TrainLoss.Count - lastEpochs).Max() - lowest)).ToList();
        return new LossSettling(lowest, lastEpochs, rows);
    }

    /// <summary>The lowest training loss of all runs at any epoch.</summary>
    public double Lowest { get; }

    public int LastEpochs { get; }

    /// <summary>In the order of the runs given.</summary>
    public IReadOnlyList<Row> Rows { get; }

    public Row this[string name] => Rows.SingleOrDefault(r => r.Name == name) ?? throw new KeyNotFoundException($"No run is named '{name}'.");

    /// <summary>The named run's loss − <see cref="Lowest"/> at each epoch, raised to at least <paramref name="floor"/> (&gt; 0) so that a
    /// log axis can show the epochs where it reaches the lowest.</summary>
    public double[] AboveLowest(string name, double floor)
    {
        if (!(floor > 0) || !double.IsFinite(floor)) throw new ArgumentOutOfRangeException(nameof(floor), floor, "the floor must be positive and finite.");
        return this[name].Run.TrainLoss.Select(loss => Math.Max(floor, loss - Lowest)).ToArray();
    }

    /// <summary>The runs whose loss stayed within <paramref name="margin"/> of the lowest over all of their last epochs.</summary>
    public IReadOnlyList<string> SettledWithin(double margin) => Rows.Where(r => r.WorstOfLastAboveLowest < margin).Select(r => r.Name).ToList();

    /// <summary>A line per run, then which runs settled within <paramref name="margin"/>; <paramref name="loss"/> names the loss.</summary>
    public string Table(double margin, string loss = "loss")
    {
        var settled = SettledWithin(margin);
        var lines = new List<string> { $"lowest {loss} of all runs {Lowest:F5}" };
        lines.AddRange(Rows.Select(r => $"{r.Name,-24} {loss} rose at {r.Rises,3} epochs;  {loss} − lowest: at the end {r.EndAboveLowest:E1}, worst of the last {LastEpochs} epochs {r.WorstOfLastAboveLowest:E1}"));
        lines.Add($"within {margin:0e0} of the lowest {loss} over the last {LastEpochs} epochs: {string.Join(", ", settled)}; not: {string.Join(", ", Rows.Select(r => r.Name).Except(settled))}");
        return string.Join("\n", lines);
    }
}
