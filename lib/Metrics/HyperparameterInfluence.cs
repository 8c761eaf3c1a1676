namespace DlCourse.Metrics;

/// <summary>
/// How closely a search's score follows each hyper-parameter across its trials, by Spearman's rank correlation ρ,
/// and which of them stand out from chance.
/// </summary>
public sealed class HyperparameterInfluence
{
    private HyperparameterInfluence(double[] scores, (string Name, double Rho)[] ranked)
    {
        Scores = scores;
        Ranked = ranked;
    }

    /// <summary>ρ between <paramref name="score"/> and each named hyper-parameter over <paramref name="trials"/>.</summary>
    public static HyperparameterInfluence Of<T>(IReadOnlyList<T> trials, Func<T, double> score, params (string Name, Func<T, double> Value)[] hyperparameters)
    {
        ArgumentNullException.ThrowIfNull(trials);
        ArgumentNullException.ThrowIfNull(score);
        ArgumentNullException.ThrowIfNull(hyperparameters);
        if (trials.Count < 3) throw new ArgumentException($"{trials.Count} trials are too few to judge a rank correlation against chance; run at least 3.", nameof(trials));
        if (hyperparameters.Length == 0) throw new ArgumentException("Name at least one hyper-parameter.", nameof(hyperparameters));
        var scores = trials.Select(score).ToArray();
        // OrderByDescending is stable: hyper-parameters of equal |ρ| keep the order they were given in.
        var ranked = hyperparameters.Select(h => (h.Name, Rho: RankCorrelation.Spearman(trials.Select(h.Value).ToArray(), scores)))
            .OrderByDescending(p => Math.Abs(p.Rho)).ToArray();
        return new HyperparameterInfluence(scores, ranked);
    }

    /// <summary>The score of each trial, in the order of the trials.</summary>
    public IReadOnlyList<double> Scores { get; }

    /// <summary>Each hyper-parameter with its ρ, largest |ρ| first.</summary>
    public IReadOnlyList<(string Name, double Rho)> Ranked { get; }

    /// <summary>2/√(n − 1) for n trials: with no effect at all ρ has a standard deviation of about 1/√(n − 1), so beyond twice that is unlikely to be chance.</summary>
    public double Chance => 2 / Math.Sqrt(Scores.Count - 1);

    /// <summary>The hyper-parameters in three bands of |ρ|: beyond <see cref="Chance"/>, between half of it and it, below half of it.</summary>
    public string Verdict()
    {
        string Names(Func<double, bool> inBand, bool withDirection = true)
        {
            var named = Ranked.Where(p => inBand(Math.Abs(p.Rho)))
                .Select(p => $"{p.Name} {p.Rho:+0.00;-0.00}" + (withDirection ? $" ({(p.Rho < 0 ? "smaller" : "larger")} values did better)" : "")).ToArray();
            return named.Length > 0 ? string.Join(", ", named) : "none";
        }
        return $"mattered beyond chance: {Names(r => r >= Chance)}; a trend, but within chance: {Names(r => r < Chance && r >= Chance / 2)}; " +
               $"no visible effect (|ρ| < {Chance / 2:F2}): {Names(r => r < Chance / 2, withDirection: false)}";
    }

    /// <summary>Each hyper-parameter with its signed ρ, largest |ρ| first.</summary>
    public override string ToString() => string.Join(", ", Ranked.Select(p => $"{p.Name} {p.Rho:+0.00;-0.00}"));
}
