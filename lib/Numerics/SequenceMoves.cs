namespace DlCourse.Numerics;

/// <summary>How a sequence moves from one entry to the next: how often it rises, and how often it turns back (zig-zags).</summary>
public static class SequenceMoves
{
    /// <summary>The number of i with values[i+1] > values[i] + slack.</summary>
    public static int Rises(IReadOnlyList<double> values, double slack = 0)
    {
        ArgumentNullException.ThrowIfNull(values);
        CheckTolerance(slack, nameof(slack));
        int count = 0;
        for (int i = 1; i < values.Count; i++) if (values[i] > values[i - 1] + slack) count++;
        return count;
    }

    /// <summary>Sign changes between successive moves values[i+1] − values[i]; moves of at most <paramref name="ignoreBelow"/> are rounding and skipped.</summary>
    public static int Reversals(IEnumerable<double> values, double ignoreBelow = 1e-6)
    {
        ArgumentNullException.ThrowIfNull(values);
        var list = values.ToList();
        return SignChanges(list.Zip(list.Skip(1), (before, after) => after - before), ignoreBelow);
    }

    /// <summary>Sign changes between the components of successive moves of a path along <paramref name="direction"/>, (p[t+1] − p[t])·d;
    /// components of at most <paramref name="ignoreBelow"/> are rounding and skipped.</summary>
    public static int ReversalsAlong(IReadOnlyList<float[]> path, IReadOnlyList<double> direction, double ignoreBelow = 1e-6)
    {
        ArgumentNullException.ThrowIfNull(path);
        ArgumentNullException.ThrowIfNull(direction);
        if (path.Any(p => p.Length != direction.Count))
            throw new ArgumentException($"Every point of the path needs {direction.Count} coordinates, one per entry of the direction.", nameof(path));
        return SignChanges(Enumerable.Range(1, Math.Max(0, path.Count - 1)).Select(t =>
        {
            double move = 0;
            for (int j = 0; j < direction.Count; j++) move += (path[t][j] - path[t - 1][j]) * direction[j];
            return move;
        }), ignoreBelow);
    }

    private static int SignChanges(IEnumerable<double> moves, double ignoreBelow)
    {
        CheckTolerance(ignoreBelow, nameof(ignoreBelow));
        int count = 0;
        double last = 0;
        foreach (var move in moves)
        {
            if (!(Math.Abs(move) > ignoreBelow)) continue;
            if (move * last < 0) count++;
            last = move;
        }
        return count;
    }

    private static void CheckTolerance(double value, string name)
    {
        if (!double.IsFinite(value) || value < 0) throw new ArgumentOutOfRangeException(name, value, "must be finite and ≥ 0");
    }
}
