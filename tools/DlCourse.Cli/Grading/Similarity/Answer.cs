namespace DlCourse.Cli.Grading.Similarity;

/// <summary>One solution cell of a student's answer: its grade_id and what they wrote there (line endings made <c>\n</c>).</summary>
public sealed record AnswerCell(string GradeId, string Text);

/// <summary>A student's whole answer to one question (every solution cell of it, so a helper in another cell counts) as tokens and k-grams.</summary>
internal sealed class Answer
{
    public Answer(string student, IReadOnlyList<AnswerCell> cells, TokenStream tokens, int k)
    {
        if (cells.Count == 0) throw new ArgumentException($"{student}: an answer needs at least one cell.", nameof(cells));
        Student = student;
        Cells = cells;
        Tokens = tokens;
        Grams = KGrams.Of(tokens, k);
    }

    public string Student { get; }
    public IReadOnlyList<AnswerCell> Cells { get; }
    public TokenStream Tokens { get; }
    public ulong[] Grams { get; }

    /// <summary>What each token counts as evidence: 0 in released or common text, else 1 / (n − 1), n the number of answers holding its rarest k-gram.</summary>
    /// <remarks>A token shared with one other answer counts fully; an idiom many students write alike counts little, so idioms alone make no pair.</remarks>
    public double[] Weights(FingerprintIndex index, int k)
    {
        var rarest = Enumerable.Repeat(int.MaxValue, Tokens.Count).ToArray();
        var given = new bool[Tokens.Count];
        for (var i = 0; i < Grams.Length; i++)
        {
            if (Grams[i] == KGrams.None) continue;
            if (index.Excluded(Grams[i])) { Array.Fill(given, true, i, k); continue; }
            var frequency = index.Frequency(Grams[i]);
            for (var t = i; t < i + k; t++) rarest[t] = Math.Min(rarest[t], frequency);
        }
        return rarest.Select((n, t) => given[t] ? 0 : n == int.MaxValue ? 1 : 1.0 / Math.Max(1, n - 1)).ToArray();
    }
}
