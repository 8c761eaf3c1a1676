namespace DlCourse.Cli.Grading.Similarity;

/// <summary>The hash of every run of k consecutive tokens; a run that crosses from one cell into the next gets <see cref="None"/>.</summary>
internal static class KGrams
{
    /// <summary>No k-gram here: it would join the end of one cell to the start of another, which no copy needs to keep.</summary>
    public const ulong None = 0;

    private const ulong Base = 0x100000001B3UL;

    /// <summary>Hash <c>i</c> covers tokens <c>i … i + k − 1</c>; empty when the answer has fewer than k tokens.</summary>
    public static ulong[] Of(TokenStream tokens, int k)
    {
        var count = Math.Max(0, tokens.Count - k + 1);
        var grams = new ulong[count];
        for (var i = 0; i < count; i++)
        {
            if (tokens.Places[i].Cell != tokens.Places[i + k - 1].Cell) continue;
            var hash = 0UL;
            for (var j = 0; j < k; j++) hash = hash * Base + tokens.Tokens[i + j];
            grams[i] = StableHash.Mix(hash) is var mixed && mixed == None ? 1 : mixed;
        }
        return grams;
    }
}
