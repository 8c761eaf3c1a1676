using DlCourse.Metrics;

namespace DlCourse.Tests.Metrics;

public class WeightDecayVerdictTests
{
    [Fact]
    public void Small_lambdas_within_one_standard_error_form_a_harmless_range()
    {
        // One standard error of 80 % on 1600 images: √(0.8 · 0.2 / 1600) = 0.01.
        var verdict = WeightDecayVerdict.Of([0, 0.01, 0.1, 1], [0.80, 0.805, 0.78, 0.50], 1600);
        Assert.Equal(0.01, verdict.StandardError, 15);
        Assert.Empty(verdict.Helped);
        Assert.Equal([0.01], verdict.WithinNoise.Select(r => r.Lambda));
        Assert.Equal([0.1, 1.0], verdict.Harmed.Select(r => r.Lambda));
        Assert.Equal((0.01, 0.805), verdict.BestPositive);
        Assert.True(verdict.IsRange);
        var lines = verdict.ToString().Split(Environment.NewLine);
        Assert.Equal(4, lines.Length);
        Assert.Equal("one standard error of a validation accuracy near 80.00 % on 1600 images: 1.00 points", lines[0]);
        Assert.Equal("verdict: no λ > 0 helped: the best, λ = 0.01 at 80.50 %, is +0.50 points from λ = 0 (80.00 %), within one standard error", lines[1]);
        Assert.Equal("  within one standard error of λ = 0: λ = 0.01 80.50 %: the useful range is λ ≤ 0.01, where L2 does no measurable harm, and no good", lines[2]);
        Assert.StartsWith("  more than one standard error worse (under-fitting): λ = 0.1 78.00 %, λ = 1 50.00 %", lines[3]);
    }

    [Fact]
    public void A_lambda_more_than_one_standard_error_above_the_baseline_helped()
    {
        var verdict = WeightDecayVerdict.Of([0, 0.01, 0.1], [0.80, 0.83, 0.80], 1600);
        Assert.Equal([0.01], verdict.Helped.Select(r => r.Lambda));
        Assert.Empty(verdict.Harmed);
        Assert.False(verdict.IsRange);   // λ = 0.1 is within noise, but λ = 0.01 before it is not
        Assert.Contains("verdict: λ > 0 helped: λ = 0.01 83.00 %, against 80.00 % for λ = 0", verdict.ToString());
        Assert.DoesNotContain("useful range", verdict.ToString());
    }

    [Fact]
    public void Arguments_are_validated()
    {
        Assert.Throws<ArgumentException>(() => WeightDecayVerdict.Of([0, 0.1], [0.8], 100));
        Assert.Throws<ArgumentException>(() => WeightDecayVerdict.Of([0.1, 1], [0.8, 0.7], 100));
        Assert.Throws<ArgumentException>(() => WeightDecayVerdict.Of([0], [0.8], 100));
        Assert.Throws<ArgumentException>(() => WeightDecayVerdict.Of([0, 1, 0.1], [0.8, 0.7, 0.6], 100));
        Assert.Throws<ArgumentOutOfRangeException>(() => WeightDecayVerdict.Of([0, 0.1], [0.8, 0.7], 0));
        Assert.Throws<ArgumentOutOfRangeException>(() => WeightDecayVerdict.Of([0, 0.1], [1.2, 0.7], 100));
    }
}
