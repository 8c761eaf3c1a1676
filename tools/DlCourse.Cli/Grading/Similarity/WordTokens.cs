using System.Globalization;

namespace DlCourse.Cli.Grading.Similarity;

/// <summary>Markdown answers as normalised words: lower case, every number <c>#</c>, and the small words a rephrasing adds or drops ("the", "is") left out.</summary>
internal static class WordTokens
{
    private static readonly HashSet<string> StopWords = new(StringComparer.Ordinal)
    {
        "a", "an", "the", "and", "or", "but", "of", "to", "in", "on", "at", "by", "for", "with", "as", "from", "into",
        "is", "are", "was", "were", "be", "been", "being", "it", "its", "this", "that", "these", "those", "which",
        "so", "then", "thus", "hence", "therefore", "we", "our", "us", "i", "you", "your", "can", "will", "would", "also",
    };

    public static TokenStream Of(IReadOnlyList<string> cells)
    {
        var tokens = new TokenStreamBuilder();
        for (var cell = 0; cell < cells.Count; cell++)
        {
            var lines = cells[cell].Split('\n');
            for (var line = 0; line < lines.Length; line++)
                foreach (var word in Words(lines[line]))
                    tokens.Add(word, cell, line);
        }
        return tokens.Build();
    }

    private static IEnumerable<string> Words(string line)
    {
        var start = -1;
        for (var i = 0; i <= line.Length; i++)
        {
            var inWord = i < line.Length && char.IsLetterOrDigit(line[i]);
            if (inWord && start < 0) start = i;
            if (inWord || start < 0) continue;
            var word = line[start..i].ToLower(CultureInfo.InvariantCulture);
            start = -1;
            if (word.All(char.IsDigit)) yield return "#";
            else if (!StopWords.Contains(word)) yield return word;
        }
    }
}
