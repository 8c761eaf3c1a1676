namespace DlCourse.Cli.Grading.Similarity;

/// <summary>The inverted index of one question: each winnowed fingerprint and the students whose answers have it, so pairs come from shared fingerprints, not all-pairs comparison.</summary>
/// <remarks>k-grams of the released notebook are never fingerprints (MOSS's base file), nor are k-grams in the answers of more than <c>commonAbove</c> students (common code).</remarks>
internal sealed class FingerprintIndex
{
    private readonly IReadOnlySet<ulong> given;
    private readonly Dictionary<ulong, List<int>> postings = [];
    private readonly Dictionary<ulong, int> frequency = [];

    /// <param name="given">The k-grams of the released notebook's text.</param>
    /// <param name="commonAbove">A k-gram in more answers than this is common code.</param>
    public FingerprintIndex(IReadOnlyList<Answer> answers, IReadOnlySet<ulong> given, int commonAbove, int window)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(commonAbove, 1);
        this.given = given;
        // How many answers hold each k-gram, counted over all k-grams (not only the chosen ones) so that "common" does not depend on winnowing's luck.
        foreach (var answer in answers)
            foreach (var gram in answer.Grams.Where(g => g != KGrams.None && !given.Contains(g)).Distinct())
                frequency[gram] = frequency.GetValueOrDefault(gram) + 1;
        Common = frequency.Where(f => f.Value > commonAbove).Select(f => f.Key).ToHashSet();

        for (var student = 0; student < answers.Count; student++)
        {
            // Excluded k-grams are blanked before winnowing, so that each window picks a fingerprint of the student's own code.
            var grams = answers[student].Grams.Select(g => Excluded(g) ? KGrams.None : g).ToArray();
            foreach (var position in Winnowing.Select(grams, window))
            {
                if (!postings.TryGetValue(grams[position], out var list)) postings[grams[position]] = list = [];
                if (list.Count == 0 || list[^1] != student) list.Add(student);
            }
        }
    }

    /// <summary>The k-grams shared by so many students that they are the course's idiom, not anyone's copy.</summary>
    public IReadOnlySet<ulong> Common { get; }

    /// <summary>How many answers hold the k-gram (0 for released text).</summary>
    public int Frequency(ulong gram) => frequency.GetValueOrDefault(gram);

    /// <summary>Whether a k-gram is no evidence: none at all, released text, or common code.</summary>
    public bool Excluded(ulong gram) => gram == KGrams.None || given.Contains(gram) || Common.Contains(gram);

    /// <summary>Every pair of students (by index, first &lt; second) sharing at least <paramref name="minimum"/> fingerprints, with how many.</summary>
    public IReadOnlyList<(int First, int Second, int Shared)> Pairs(int minimum)
    {
        var shared = new Dictionary<long, int>();
        foreach (var students in postings.Values)
            for (var a = 0; a < students.Count; a++)
                for (var b = a + 1; b < students.Count; b++)
                {
                    var key = (long)students[a] << 32 | (uint)students[b];
                    shared[key] = shared.GetValueOrDefault(key) + 1;
                }
        return shared.Where(s => s.Value >= minimum).Select(s => ((int)(s.Key >> 32), (int)(uint)s.Key, s.Value))
            .OrderBy(p => p.Item1).ThenBy(p => p.Item2).ToList();
    }
}
