namespace DlCourse.Metrics;

/// <summary>
/// Which L2 strengths λ &gt; 0 changed the validation accuracy of λ = 0 by more than one standard error of it (helped or
/// harmed), and which stayed within it.
/// </summary>
public sealed class WeightDecayVerdict
{
    private readonly double[] lambdas;
    private readonly double[] accuracies;
    private readonly int validationCount;

    private WeightDecayVerdict(double[] lambdas, double[] accuracies, int count)
    {
        (this.lambdas, this.accuracies, validationCount) = (lambdas, accuracies, count);
        Baseline = accuracies[0];
        StandardError = AccuracyNoise.StandardError(Baseline, count);
        var rows = lambdas.Select((l, i) => (Lambda: l, Accuracy: accuracies[i])).Skip(1).ToArray();
        Helped = rows.Where(r => r.Accuracy - Baseline > StandardError).ToArray();
        WithinNoise = rows.Where(r => Math.Abs(r.Accuracy - Baseline) <= StandardError).ToArray();
        Harmed = rows.Where(r => Baseline - r.Accuracy > StandardError).ToArray();
        BestPositive = rows.MaxBy(r => r.Accuracy);
        // A range λ ≤ upper: the λ within one standard error are the smallest ones, with nothing outside it before them.
        IsRange = WithinNoise.Count > 0 && rows.TakeWhile(r => Math.Abs(r.Accuracy - Baseline) <= StandardError).Count() == WithinNoise.Count;
    }

    /// <summary>The verdict on λ values (the first 0, the others &gt; 0, ascending) with their validation accuracies, measured on <paramref name="validationCount"/> images.</summary>
    public static WeightDecayVerdict Of(IReadOnlyList<double> lambdas, IReadOnlyList<double> accuracies, int validationCount)
    {
        ArgumentNullException.ThrowIfNull(lambdas);
        ArgumentNullException.ThrowIfNull(accuracies);
        if (lambdas.Count != accuracies.Count)
            throw new ArgumentException($"{lambdas.Count} λ values but {accuracies.Count} accuracies; pass one accuracy per λ.", nameof(accuracies));
        if (lambdas.Count < 2 || lambdas[0] != 0)
            throw new ArgumentException("The first λ must be 0 (the baseline), followed by at least one λ > 0.", nameof(lambdas));
        for (int i = 1; i < lambdas.Count; i++)
            if (!(lambdas[i] > lambdas[i - 1]))
                throw new ArgumentException($"λ values must ascend; λ = {lambdas[i]} follows λ = {lambdas[i - 1]}.", nameof(lambdas));
        ArgumentOutOfRangeException.ThrowIfLessThan(validationCount, 1);
        return new WeightDecayVerdict([.. lambdas], [.. accuracies], validationCount);
    }

    /// <summary>The validation accuracy of λ = 0.</summary>
    public double Baseline { get; }

    /// <summary>One standard error of the baseline's accuracy on the validation images.</summary>
    public double StandardError { get; }

    /// <summary>The λ &gt; 0 more than one standard error above the baseline.</summary>
    public IReadOnlyList<(double Lambda, double Accuracy)> Helped { get; }

    /// <summary>The λ &gt; 0 within one standard error of the baseline.</summary>
    public IReadOnlyList<(double Lambda, double Accuracy)> WithinNoise { get; }

    /// <summary>The λ &gt; 0 more than one standard error below the baseline (under-fitting).</summary>
    public IReadOnlyList<(double Lambda, double Accuracy)> Harmed { get; }

    /// <summary>The λ &gt; 0 with the highest validation accuracy (the first if tied).</summary>
    public (double Lambda, double Accuracy) BestPositive { get; }

    /// <summary>Whether the λ within noise are exactly the smallest λ &gt; 0, so that they form a range λ ≤ upper.</summary>
    public bool IsRange { get; }

    /// <summary>The standard error, the verdict, the λ within noise and those that harmed, one line each.</summary>
    public override string ToString()
    {
        string Gap(double accuracy) => $"{100 * (accuracy - Baseline):+0.00;-0.00} points";
        string List(IEnumerable<(double Lambda, double Accuracy)> rows) => string.Join(", ", rows.Select(r => $"λ = {r.Lambda} {r.Accuracy:P2}"));
        bool noiseOnly = Math.Abs(BestPositive.Accuracy - Baseline) <= StandardError;
        var lines = new List<string>
        {
            $"one standard error of a validation accuracy near {Baseline:P2} on {validationCount} images: {100 * StandardError:F2} points",
            "verdict: " + (Helped.Count > 0
                ? $"λ > 0 helped: {List(Helped)}, against {Baseline:P2} for λ = 0 (more than one standard error)"
                : $"no λ > 0 helped: the best, λ = {BestPositive.Lambda} at {BestPositive.Accuracy:P2}, is {Gap(BestPositive.Accuracy)} from λ = 0 ({Baseline:P2}), " +
                  (noiseOnly ? "within one standard error" : "more than one standard error below")),
            "  within one standard error of λ = 0: " + (WithinNoise.Count > 0 ? List(WithinNoise) : "no λ > 0") +
                (IsRange && Helped.Count == 0 ? $": the useful range is λ ≤ {WithinNoise[^1].Lambda}, where L2 does no measurable harm, and no good" : ""),
        };
        if (Harmed.Count > 0)
            lines.Add($"  more than one standard error worse (under-fitting): {List(Harmed)}; the smooth λ = {lambdas[^1]} templates belong to a {accuracies[^1]:P2} model");
        return string.Join(Environment.NewLine, lines);
    }
}
