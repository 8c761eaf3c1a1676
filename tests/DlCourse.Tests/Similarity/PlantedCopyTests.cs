using System.Globalization;
using DlCourse.Cli.Grading.Similarity;
using Xunit.Abstractions;

namespace DlCourse.Tests.Similarity;

/// <summary>
/// The hand-written test set (<see cref="TestSet"/>): every planted copy, disguised by renaming, new literals and comments,
/// reordered statements, an extracted or an inlined helper, outscores every pair of independently written solutions.
/// </summary>
public class PlantedCopyTests(ITestOutputHelper log)
{
    private static readonly HashSet<string> Disguises = ["renamed", "literals-comments", "reordered", "extracted-helper", "inlined-helper"];

    [Theory]
    [InlineData("a1q5")]
    [InlineData("a2q4")]
    [InlineData("a4q2")]
    public void EveryDisguisedCopy_RanksAboveEveryIndependentPair(string question)
    {
        var set = TestSet.Of(question);
        using var course = set.Course();
        // Every pair the index finds, scored; a pair it does not find, or with too little in common to score, scores 0.
        var report = course.Compare(course.Options with { MinScore = 0, Top = 10_000 });
        var scores = report.Pairs.ToDictionary(p => (p.Students[0], p.Students[1]), p => p.Score);
        var copies = set.AllPairs().Where(p => set.IsCopyPair(p.A, p.B)).ToList();
        var independent = set.AllPairs().Where(p => !set.IsCopyPair(p.A, p.B)).OrderByDescending(p => scores.GetValueOrDefault(p)).ToList();
        Assert.Subset(copies.Select(p => set.Solution(p.B).Disguise!).ToHashSet(), Disguises);

        foreach (var pair in copies.OrderBy(p => scores.GetValueOrDefault(p)))
            log.WriteLine($"copy        {scores.GetValueOrDefault(pair),6:0.000}  {pair.A} ~ {pair.B}");
        foreach (var pair in independent.Take(5))
            log.WriteLine($"independent {scores.GetValueOrDefault(pair),6:0.000}  {pair.A} ~ {pair.B}");
        var highestIndependent = scores.GetValueOrDefault(independent[0]);
        Assert.All(copies, pair => Assert.True(scores.GetValueOrDefault(pair) > highestIndependent,
            $"{pair.A} ~ {pair.B} scored {scores.GetValueOrDefault(pair):0.000}, not above the independent {independent[0].A} ~ {independent[0].B} ({highestIndependent:0.000})"));
    }

    [Fact]
    public void PrecisionAndRecall_AtTheDefaultSettings_OnTheTestSet()
    {
        int found = 0, reported = 0, planted = 0;
        var all = new List<(bool Copy, double Score)>();
        foreach (var set in TestSet.All)
        {
            using var course = set.Course();
            var report = course.Compare();
            all.AddRange(course.Compare(course.Options with { MinScore = 0, Top = 10_000 }).Pairs
                .Select(p => (set.IsCopyPair(p.Students[0], p.Students[1]), p.Score)));
            var truth = set.AllPairs().Count(p => set.IsCopyPair(p.A, p.B));
            var right = report.Pairs.Count(p => set.IsCopyPair(p.Students[0], p.Students[1]));
            log.WriteLine($"{set.Question}: {set.Solutions.Count(s => !s.IsCopy)} independent, {set.Solutions.Count(s => s.IsCopy)} copies; "
                          + $"{report.Pairs.Count} pairs reported, {right} of them copies, of {truth} copy pairs; lowest reported copy "
                          + $"{report.Pairs.Where(p => set.IsCopyPair(p.Students[0], p.Students[1])).Select(p => p.Score).DefaultIfEmpty().Min():0.000}");
            (found, reported, planted) = (found + right, reported + report.Pairs.Count, planted + truth);
        }
        double precision = (double)found / reported, recall = (double)found / planted;
        var defaults = new SimilarityOptions(".", ".", ".");
        log.WriteLine(string.Create(CultureInfo.InvariantCulture, $"at --min-score {defaults.MinScore}: precision {precision:0.000} ({found}/{reported}), recall {recall:0.000} ({found}/{planted})"));
        // How the figures move with the threshold (the default was chosen on this same set, so they flatter it).
        foreach (var threshold in new[] { 0.4, 0.5, 0.6, 0.7, 0.8, 0.9 })
        {
            int hits = all.Count(p => p.Copy && p.Score >= threshold), shown = all.Count(p => p.Score >= threshold);
            log.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"  --min-score {threshold:0.0}: precision {(shown == 0 ? 1 : (double)hits / shown):0.000} ({hits}/{shown}), recall {(double)hits / planted:0.000} ({hits}/{planted})"));
        }
        Assert.True(recall >= 1.0, $"recall {recall:0.000}");
        Assert.True(precision >= 0.9, $"precision {precision:0.000}");
    }

}
