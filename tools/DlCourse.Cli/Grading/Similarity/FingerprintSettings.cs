namespace DlCourse.Cli.Grading.Similarity;

/// <summary>Winnowing's two lengths, k-grams of <see cref="K"/> tokens and windows of <see cref="Window"/> k-grams, and the least evidence for a pair.</summary>
public sealed record FingerprintSettings
{
    /// <param name="minimumMatch">Fewer matching own tokens than this is no evidence (a one-line formula anyone would write).</param>
    public FingerprintSettings(int k, int window, int minimumMatch)
    {
        if (k < 2) throw new ArgumentException($"k-grams need at least 2 tokens, not {k}.");
        if (window < 1) throw new ArgumentException($"the winnowing window needs at least 1 k-gram, not {window}.");
        if (minimumMatch < k) throw new ArgumentException($"the least evidence ({minimumMatch} tokens) must be at least one k-gram ({k} tokens).");
        (K, Window, MinimumMatch) = (k, window, minimumMatch);
    }

    public int K { get; }
    public int Window { get; }
    public int MinimumMatch { get; }

    /// <summary>Roslyn tokens: 9-grams, windows of 4 (every shared run of 12 tokens found), 20 matching tokens at least.</summary>
    public static readonly FingerprintSettings Code = new(9, 4, 20);

    /// <summary>Normalised words: 4-grams, windows of 4 (every shared run of 7 words found), 15 matching words at least.</summary>
    public static readonly FingerprintSettings Written = new(4, 4, 15);
}
