namespace DlCourse.Cli.Grading.Similarity;

/// <summary>A run of tokens two answers share: <see cref="Length"/> tokens from <see cref="First"/> in one and <see cref="Second"/> in the other.</summary>
internal readonly record struct Tile(int First, int Second, int Length);

/// <summary>The matching regions of one candidate pair, from all their k-grams: runs of equal k-grams laid as tiles, longest first, no token matched twice.</summary>
/// <remarks>Wise's greedy string tiling, seeded by the k-grams. Tiles never cross a cell boundary because k-grams never do.</remarks>
internal static class Tiling
{
    // A k-gram repeated more often than this in one answer (a pattern inside a loop body, say) is paired with its first occurrences only.
    private const int MaxOccurrences = 16;

    public static List<Tile> Match(Answer first, Answer second, Func<ulong, bool> excluded, int k)
    {
        var where = new Dictionary<ulong, List<int>>();
        for (var j = 0; j < second.Grams.Length; j++)
        {
            var gram = second.Grams[j];
            if (excluded(gram)) continue;
            if (!where.TryGetValue(gram, out var list)) where[gram] = list = [];
            if (list.Count < MaxOccurrences) list.Add(j);
        }

        // Runs of consecutive matching k-grams on each diagonal (first position − second position).
        var runs = new List<Tile>();
        var open = new Dictionary<int, (int Start, int Last, int Second)>();
        for (var i = 0; i < first.Grams.Length; i++)
        {
            if (excluded(first.Grams[i]) || !where.TryGetValue(first.Grams[i], out var matches)) continue;
            foreach (var j in matches)
            {
                var diagonal = i - j;
                if (open.TryGetValue(diagonal, out var run) && run.Last == i - 1) open[diagonal] = run with { Last = i };
                else
                {
                    if (open.TryGetValue(diagonal, out run)) runs.Add(new Tile(run.Start, run.Second, run.Last - run.Start + k));
                    open[diagonal] = (i, i, j);
                }
            }
        }
        runs.AddRange(open.Values.Select(run => new Tile(run.Start, run.Second, run.Last - run.Start + k)));

        var takenFirst = new bool[first.Tokens.Count];
        var takenSecond = new bool[second.Tokens.Count];
        var tiles = new List<Tile>();
        foreach (var run in runs.OrderByDescending(r => r.Length).ThenBy(r => r.First).ThenBy(r => r.Second))
        {
            // The parts of the run whose tokens are still free in both answers, where at least k long.
            var start = -1;
            for (var offset = 0; offset <= run.Length; offset++)
            {
                var free = offset < run.Length && !takenFirst[run.First + offset] && !takenSecond[run.Second + offset];
                if (free && start < 0) start = offset;
                if (free || start < 0) continue;
                if (offset - start >= k)
                {
                    tiles.Add(new Tile(run.First + start, run.Second + start, offset - start));
                    Array.Fill(takenFirst, true, run.First + start, offset - start);
                    Array.Fill(takenSecond, true, run.Second + start, offset - start);
                }
                start = -1;
            }
        }
        return [.. tiles.OrderBy(t => t.First)];
    }
}
