namespace DlCourse.Numerics;

/// <summary>L = (1/n) Σ_i −[y_i log ŷ_i + (1 − y_i) log(1 − ŷ_i)] on probabilities ŷ ∈ (0, 1) (natural log);
/// ∂L/∂ŷ_i = (ŷ_i − y_i) / (n ŷ_i (1 − ŷ_i)). On logits prefer <see cref="BinaryCrossEntropyWithLogits"/>.</summary>
public static class BinaryCrossEntropy
{
    /// <summary>The loss of one sample; a term whose weight (y or 1 − y) is 0 is skipped, so 0·log 0 counts as 0.
    /// Throws for ŷ or y outside [0, 1] (NaN included) rather than returning NaN.</summary>
    public static double Value(double probability, double target)
    {
        LossInputs.Probability(probability, target);
        double loss = 0;
        if (target != 0) loss -= target * Math.Log(probability);
        if (target != 1) loss -= (1 - target) * Math.Log(1 - probability);
        return loss;
    }

    public static double Value(double[] probabilities, double[] targets)
    {
        LossInputs.SameLength(probabilities.Length, targets.Length, nameof(probabilities), nameof(targets));
        double sum = 0;
        for (int i = 0; i < probabilities.Length; i++) sum += Value(probabilities[i], targets[i]);
        return sum / probabilities.Length;
    }

    public static double[] Gradient(double[] probabilities, double[] targets)
    {
        LossInputs.SameLength(probabilities.Length, targets.Length, nameof(probabilities), nameof(targets));
        int n = probabilities.Length;
        var g = new double[n];
        for (int i = 0; i < n; i++)
        {
            double p = probabilities[i];
            LossInputs.Probability(p, targets[i], open: true);
            g[i] = (p - targets[i]) / (n * p * (1 - p));
        }
        return g;
    }
}
