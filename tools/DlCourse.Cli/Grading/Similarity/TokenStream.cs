namespace DlCourse.Cli.Grading.Similarity;

/// <summary>Where a token came from: the index of its cell in the answer, and its line in that cell (0-based).</summary>
internal readonly record struct Place(int Cell, int Line);

/// <summary>An answer as normalised tokens (each a <see cref="StableHash"/>) with the place of each, in reading order.</summary>
internal sealed class TokenStream
{
    public TokenStream(ulong[] tokens, Place[] places)
    {
        if (tokens.Length != places.Length) throw new ArgumentException($"{tokens.Length} tokens but {places.Length} places.", nameof(places));
        Tokens = tokens;
        Places = places;
    }

    public ulong[] Tokens { get; }
    public Place[] Places { get; }
    public int Count => Tokens.Length;
}

/// <summary>Builds a <see cref="TokenStream"/> one token at a time.</summary>
internal sealed class TokenStreamBuilder
{
    private readonly List<ulong> tokens = [];
    private readonly List<Place> places = [];

    public void Add(string normalised, int cell, int line)
    {
        tokens.Add(StableHash.Of(normalised));
        places.Add(new Place(cell, line));
    }

    public TokenStream Build() => new([.. tokens], [.. places]);
}
