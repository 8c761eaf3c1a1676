namespace DlCourse.Cli.Grading.Similarity;

/// <summary>Robust winnowing (Schleimer, Wilkerson and Aiken, SIGMOD 2003): the smallest hash of every window of w k-grams, the rightmost on a tie, recorded once.</summary>
/// <remarks>Any run of w + k − 1 tokens two answers share therefore shares a fingerprint, and an answer keeps about 2/(w + 1) of its k-grams.</remarks>
internal static class Winnowing
{
    /// <summary>The positions of the chosen k-grams, in order; k-grams that are <see cref="KGrams.None"/> are never chosen.</summary>
    public static List<int> Select(ulong[] grams, int window)
    {
        var chosen = new List<int>();
        if (grams.Length == 0) return chosen;
        // A short answer is one window.
        var last = Math.Max(0, grams.Length - window);
        var width = Math.Min(window, grams.Length);
        var previous = -1;
        for (var start = 0; start <= last; start++)
        {
            var best = -1;
            for (var i = start; i < start + width; i++)
                if (grams[i] != KGrams.None && (best < 0 || grams[i] <= grams[best])) best = i;
            if (best >= 0 && best != previous) chosen.Add(previous = best);
        }
        return chosen;
    }
}
