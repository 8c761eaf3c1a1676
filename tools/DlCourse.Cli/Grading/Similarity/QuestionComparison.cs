namespace DlCourse.Cli.Grading.Similarity;

/// <summary>Compares the answers to one question: candidate pairs from the inverted index, each tiled in detail and scored by how much of one answer's own text lies in the other.</summary>
internal static class QuestionComparison
{
    // A candidate must share this many fingerprints: one alone is a single short phrase, below any report's minimum match.
    private const int MinimumShared = 2;

    public static (QuestionSummary Summary, List<SimilarPair> Pairs) Compare(Question question, IReadOnlyList<Answer> answers, SimilarityOptions options)
    {
        var settings = question.Kind == QuestionKind.Code ? options.Code : options.Written;
        var given = question.Given.SelectMany(text => KGrams.Of(question.Tokenize([text]), settings.K)).Where(g => g != KGrams.None).ToHashSet();
        var commonAbove = Math.Max(options.CommonMinimum, (int)Math.Floor(options.CommonFraction * answers.Count));
        var index = new FingerprintIndex(answers, given, commonAbove, settings.Window);
        var weights = answers.Select(a => a.Weights(index, settings.K)).ToArray();
        var candidates = index.Pairs(MinimumShared);

        var found = candidates.AsParallel().WithDegreeOfParallelism(options.Jobs)
            .Select(c => Score(question, answers[c.First], answers[c.Second], weights[c.First], weights[c.Second], index, settings))
            .Where(p => p is not null && p.Score >= options.MinScore).Select(p => p!)
            .ToList();
        var ranked = found.OrderByDescending(p => p.Score).ThenByDescending(p => p.MatchedTokens.Sum())
            .ThenBy(p => p.Students[0], StringComparer.Ordinal).ThenBy(p => p.Students[1], StringComparer.Ordinal)
            .Take(options.Top).Select((p, i) => p with { Rank = i + 1 }).ToList();
        var summary = new QuestionSummary(question.Id, question.Kind, question.Notebook, question.Cells, answers.Count, commonAbove,
            index.Common.Count, candidates.Count, ranked.Count, found.Count - ranked.Count);
        return (summary, ranked);
    }

    // The pair in detail, or null when fewer own tokens match than the least evidence the settings accept. The score is
    // the larger of the two answers' shares of own text that match, tokens weighed by rarity (Answer.Weights); the
    // counts and coverages beside it are plain token counts, for the reader.
    private static SimilarPair? Score(Question question, Answer first, Answer second, double[] firstWeights, double[] secondWeights,
        FingerprintIndex index, FingerprintSettings settings)
    {
        var tiles = Tiling.Match(first, second, index.Excluded, settings.K);
        int matchedFirst = 0, matchedSecond = 0;
        double weightFirst = 0, weightSecond = 0;
        foreach (var tile in tiles)
            for (var o = 0; o < tile.Length; o++)
            {
                if (firstWeights[tile.First + o] > 0) { matchedFirst++; weightFirst += firstWeights[tile.First + o]; }
                if (secondWeights[tile.Second + o] > 0) { matchedSecond++; weightSecond += secondWeights[tile.Second + o]; }
            }
        if (Math.Min(matchedFirst, matchedSecond) < settings.MinimumMatch) return null;
        int ownFirst = firstWeights.Count(w => w > 0), ownSecond = secondWeights.Count(w => w > 0);
        // Containment, not overlap: a copy lies almost whole inside its original (or the original inside the copy, when
        // the copier added helpers or padding), while two independent answers share idioms scattered over both.
        var score = Math.Max(weightFirst / firstWeights.Sum(), weightSecond / secondWeights.Sum());
        return new SimilarPair(question.Id, question.Kind, question.Notebook, 0, [first.Student, second.Student], Math.Round(score, 4),
            [Math.Round((double)matchedFirst / ownFirst, 4), Math.Round((double)matchedSecond / ownSecond, 4)],
            [matchedFirst, matchedSecond], [ownFirst, ownSecond], Regions(first, second, firstWeights, secondWeights, tiles));
    }

    // Tiles as line ranges, one per student, each trimmed to the student's own tokens (a tile may begin in the released
    // signature); tiles whose lines touch in both answers are one region for the reader.
    private static List<SimilarityMatch> Regions(Answer first, Answer second, double[] firstWeights, double[] secondWeights, List<Tile> tiles)
    {
        var matches = new List<SimilarityMatch>();
        foreach (var tile in tiles)
        {
            var offsets = Enumerable.Range(0, tile.Length).Where(o => firstWeights[tile.First + o] > 0 && secondWeights[tile.Second + o] > 0).ToList();
            if (offsets.Count == 0) continue;
            var a = Region(first, tile.First + offsets[0], tile.First + offsets[^1]);
            var b = Region(second, tile.Second + offsets[0], tile.Second + offsets[^1]);
            if (matches.Count > 0 && matches[^1] is { Lines: [var pa, var pb] } previous && Touch(pa, a) && Touch(pb, b))
                matches[^1] = new SimilarityMatch(previous.Tokens + offsets.Count, [Join(pa, a), Join(pb, b)]);
            else matches.Add(new SimilarityMatch(offsets.Count, [a, b]));
        }
        return matches;
    }

    private static SimilarityRegion Region(Answer answer, int start, int end)
    {
        var (from, to) = (answer.Tokens.Places[start], answer.Tokens.Places[end]);
        return new SimilarityRegion(answer.Cells[from.Cell].GradeId, from.Line + 1, to.Line + 1);
    }

    private static bool Touch(SimilarityRegion x, SimilarityRegion y) => x.Cell == y.Cell && y.From <= x.To + 1 && x.From <= y.To + 1;

    private static SimilarityRegion Join(SimilarityRegion x, SimilarityRegion y) => x with { From = Math.Min(x.From, y.From), To = Math.Max(x.To, y.To) };
}
