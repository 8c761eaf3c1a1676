using DlCourse.Metrics;

namespace DlCourse.Tests.Metrics;

public class HyperparameterInfluenceTests
{
    private sealed record Trial(double Rate, int Batch, double Decay, double Accuracy);

    // Ten trials: accuracy rises with the rate (ρ = +1), falls with the batch size (ρ = −1), and the decay is unrelated to it.
    private static readonly Trial[] Trials = Enumerable.Range(0, 10)
        .Select(i => new Trial(0.01 * (i + 1), 128 - 10 * i, new[] { 0.0, 1e-3 }[(i / 2) % 2], 0.5 + 0.03 * i)).ToArray();

    [Fact]
    public void Hyper_parameters_are_ranked_by_the_size_of_their_rank_correlation()
    {
        var influence = HyperparameterInfluence.Of(Trials, t => t.Accuracy, ("decay", t => t.Decay), ("rate", t => t.Rate), ("batch", t => t.Batch));
        var decay = RankCorrelation.Spearman(Trials.Select(t => t.Decay).ToArray(), Trials.Select(t => t.Accuracy).ToArray());
        Assert.Equal([("rate", 1.0), ("batch", -1.0), ("decay", decay)], influence.Ranked);   // equal |ρ| keep their given order
        Assert.Equal(Trials.Select(t => t.Accuracy), influence.Scores);
        Assert.Equal(2 / 3.0, influence.Chance, 15);   // 2/√(10 − 1)
        Assert.Equal($"rate +1.00, batch -1.00, decay {decay:+0.00;-0.00}", influence.ToString());
    }

    [Fact]
    public void The_verdict_sorts_them_into_bands_of_chance()
    {
        // |ρ| of the decay: the accuracy order 1 2 | 3 4 | … gives decay ranks low, low, high, high, …: a weak correlation.
        var influence = HyperparameterInfluence.Of(Trials, t => t.Accuracy, ("rate", t => t.Rate), ("batch", t => t.Batch), ("decay", t => t.Decay));
        double decay = Math.Abs(influence.Ranked[2].Rho);
        Assert.True(decay < 1 / 3.0, $"the decay's |ρ| {decay} should lie below half the chance level");
        Assert.Equal("mattered beyond chance: rate +1.00 (larger values did better), batch -1.00 (smaller values did better); " +
                     $"a trend, but within chance: none; no visible effect (|ρ| < 0.33): decay {influence.Ranked[2].Rho:+0.00;-0.00}", influence.Verdict());
    }

    [Fact]
    public void Arguments_are_validated()
    {
        Assert.Throws<ArgumentException>(() => HyperparameterInfluence.Of(Trials.Take(2).ToArray(), t => t.Accuracy, ("rate", t => t.Rate)));
        Assert.Throws<ArgumentException>(() => HyperparameterInfluence.Of(Trials, t => t.Accuracy));
        Assert.Throws<ArgumentNullException>(() => HyperparameterInfluence.Of(Trials, null!, ("rate", t => t.Rate)));
    }
}
