namespace DlCourse.Cli.Grading.Similarity;

/// <summary>Lines <see cref="From"/> to <see cref="To"/> (1-based, inclusive) of one student's solution cell <see cref="Cell"/>.</summary>
public sealed record SimilarityRegion(string Cell, int From, int To);

/// <summary>One matching region of a pair: <see cref="Tokens"/> matching tokens of the students' own, and where they lie in each student's answer (in the pair's order).</summary>
public sealed record SimilarityMatch(int Tokens, IReadOnlyList<SimilarityRegion> Lines);

/// <summary>Two students whose answers to one question are suspiciously alike; the lists run in the order of <see cref="Students"/>.</summary>
/// <param name="Score">The larger of the two answers' shares of own tokens (not released, not common) in matching regions, each token weighed by rarity.</param>
/// <param name="Rank">1 for the highest score of the question.</param>
/// <param name="Coverage">For each student, the share of their own tokens that match.</param>
public sealed record SimilarPair(string Question, QuestionKind Kind, string Notebook, int Rank, IReadOnlyList<string> Students, double Score,
    IReadOnlyList<double> Coverage, IReadOnlyList<int> MatchedTokens, IReadOnlyList<int> OwnTokens, IReadOnlyList<SimilarityMatch> Matches);

/// <summary>How one question was compared: who answered, how much was common code, how many pairs were looked at and reported.</summary>
/// <param name="Answered">Students with an answer (not the stub, not empty) to compare.</param>
/// <param name="CommonAbove">A k-gram in more answers than this was common code.</param>
/// <param name="Candidates">Pairs that shared fingerprints in the index, and so were compared in detail.</param>
/// <param name="Omitted">Pairs over the minimum score left out by <c>--top</c>.</param>
public sealed record QuestionSummary(string Question, QuestionKind Kind, string Notebook, IReadOnlyList<string> Cells, int Answered,
    int CommonAbove, int CommonKGrams, int Candidates, int Pairs, int Omitted);

/// <summary>The settings a report was made with, so that its scores can be read and reproduced.</summary>
public sealed record SimilaritySettings(double MinScore, int Top, double CommonFraction, int CommonMinimum, FingerprintSettings Code, FingerprintSettings Written);

/// <summary>What <c>dlcourse similarity</c> writes to similarity.json: the pairs of each question, ranked, and what could not be read.</summary>
public sealed record SimilarityReport(SimilaritySettings Settings, int Students, IReadOnlyList<QuestionSummary> Questions,
    IReadOnlyList<SimilarPair> Pairs, IReadOnlyList<string> Notes);
