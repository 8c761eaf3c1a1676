namespace DlCourse.Cli.Grading.Similarity;

/// <summary>64-bit hashes that are the same in every process (string.GetHashCode is seeded per process), so a report can be reproduced.</summary>
internal static class StableHash
{
    /// <summary>FNV-1a over the UTF-16 code units, then mixed so that winnowing's minimum is not biased by the last character.</summary>
    public static ulong Of(string text)
    {
        var hash = 14695981039346656037UL;
        foreach (var c in text) hash = (hash ^ c) * 1099511628211UL;
        return Mix(hash);
    }

    /// <summary>SplitMix64's finaliser: every input bit reaches every output bit.</summary>
    public static ulong Mix(ulong x)
    {
        x = (x ^ (x >> 30)) * 0xBF58476D1CE4E5B9UL;
        x = (x ^ (x >> 27)) * 0x94D049BB133111EBUL;
        return x ^ (x >> 31);
    }
}
