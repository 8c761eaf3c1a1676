using DlCourse.Cli.Grading;

namespace DlCourse.Tests.Grading;

/// <summary>
/// Solutions written in C# 12–14 (collection expressions with a spread, a primary constructor, the <c>field</c> keyword)
/// pass the screen and are graded for real by the sandboxed worker: right answers get full marks, wrong ones none.
/// </summary>
public class ModernSyntaxTests
{
    /// <summary>Question 2's solution cell in C# 12–14 syntax: right with <c>(1, "copy.Length")</c>.</summary>
    private static string Sums(int first, string meanDivisor) => $$"""
        // A primary constructor (C# 12) whose property caches its terms in `field` (C# 14).
        class Series(int n)
        {
            public int[] Terms => field ??= [.. Enumerable.Range({{first}}, n - {{first}} + 1)];
        }

        static int SumTo(int n) => new Series(n).Terms.Sum();

        static double Mean(double[] xs)
        {
            double[] copy = [.. xs]; // a collection expression with a spread (C# 12)
            return copy.Sum() / {{meanDivisor}};
        }
        """;

    [Fact]
    public async Task CSharp_12_to_14_syntax_gets_full_marks_when_right_and_none_when_wrong()
    {
        using var fx = new GradingFixture();
        fx.StudentWith("modern", "f1q2-impl", Sums(1, "copy.Length"));
        // Starting the series at 2 drops the 1 and the extra divisor skews the mean: every q2 test fails.
        fx.StudentWith("modern-wrong", "f1q2-impl", Sums(2, "(copy.Length + 1)"));
        var options = new GradeOptions(fx.Source, fx.Submissions, fx.Out, Jobs: 2, CellTimeoutSeconds: 30);

        var results = (await new Grader(new RunnerExecutor(), options).GradeAllAsync()).ToDictionary(r => r.Student);

        var right = results["modern"].Question("q2-sums.ipynb");
        Assert.True(right.Notes.Count == 0, string.Join("\n", right.Notes));
        Assert.True(right.Score == 4, string.Join("\n", right.Tests.Select(t => $"{t.GradeId}: {t.Output}")));
        Assert.Equal(7, results["modern"].Score);

        var wrong = results["modern-wrong"].Question("q2-sums.ipynb");
        Assert.True(wrong.Notes.Count == 0, string.Join("\n", wrong.Notes)); // screened in, so it ran and failed on its answers
        Assert.Equal(0, wrong.Score);
        Assert.All(wrong.Tests, t => Assert.False(t.Passed, $"{t.GradeId}: {t.Output}"));
        Assert.Equal(3, results["modern-wrong"].Score);
    }
}
