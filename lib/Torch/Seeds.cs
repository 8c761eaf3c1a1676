namespace DlCourse.Torch;

/// <summary>Derives per-epoch seeds. Not HashCode.Combine: that one is randomised per process, and runs must repeat across processes.</summary>
internal static class Seeds
{
    public static int For(int seed, int epoch) => unchecked((int)((seed * 1_000_003L + epoch) * 2_654_435_761L >> 8));
}
