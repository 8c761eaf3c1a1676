using Xunit.Abstractions;

namespace DlCourse.Tests.Similarity;

/// <summary>Written answers (graded Markdown cells) are compared per written question, as shingles of normalised words.</summary>
public class WrittenSimilarityTests(ITestOutputHelper log)
{
    [Fact]
    public void ARewordedCopy_IsTheOnlyPairReported_ForItsWrittenQuestion()
    {
        var set = TestSet.Written;
        using var course = set.Course();
        var all = course.Compare(course.Options with { MinScore = 0, Top = 10_000 }).Pairs.Where(p => p.Question == set.Question).ToList();
        foreach (var p in all) log.WriteLine($"{p.Score:0.000} {p.Students[0]} ~ {p.Students[1]}");

        var reported = course.Compare().Pairs.Where(p => p.Kind == Cli.Grading.Similarity.QuestionKind.Written).ToList();
        var pair = Assert.Single(reported);
        Assert.Equal(set.Question, pair.Question);
        Assert.Equal(["01-prose", "copy-of-01-reworded"], pair.Students);
        // Its three paragraphs, the second and third swapped in the copy, are found as separate regions.
        Assert.True(pair.Matches.Count >= 3, $"{pair.Matches.Count} regions");
        Assert.All(all.Where(p => !set.IsCopyPair(p.Students[0], p.Students[1])), p => Assert.True(p.Score < pair.Score));
    }

    [Fact]
    public void TheReleasedPrompt_PastedIntoTwoAnswers_IsNoSimilarity()
    {
        using var course = new SimilarityCourse(TestSet.Written.Notebook);
        var notebook = Cli.Notebooks.Notebook.Load(Path.Combine(course.Source, TestSet.Written.Notebook));
        var prompt = string.Join("\n\n", notebook.Cells.Where(c => c.Kind == Cli.Notebooks.CellKind.Markdown
            && Cli.Grading.GradingCell.Of(c) is { IsSolution: false }).Select(c => c.Source));
        course.Student("ann", new Dictionary<string, string> { ["a4q2-answer"] = prompt + "\n\nThe output is (n + 2p - k) / s + 1." });
        course.Student("ben", new Dictionary<string, string> { ["a4q2-answer"] = prompt + "\n\nI slide the window and count where it fits." });

        var report = course.Compare(course.Options with { MinScore = 0 });
        Assert.DoesNotContain(report.Pairs, p => p.Question == "a4q2-answer");
        Assert.Equal(2, report.Questions.Single(q => q.Question == "a4q2-answer").Answered);
    }
}
