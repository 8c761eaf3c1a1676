namespace DlCourse.Derivations;

/// <summary>How a deep chain's weight gradients shrink from the last layer to the first: their sizes at both ends and the
/// average factor per layer (the geometric mean of the ratios of consecutive layers).</summary>
public sealed record GradientDecay
{
    /// <param name="gradients">One gradient per layer, the first layer's first; at least two, finite, the last non-zero.</param>
    public GradientDecay(IReadOnlyList<double> gradients)
    {
        ArgumentNullException.ThrowIfNull(gradients);
        if (gradients.Count < 2) throw new ArgumentException($"Expected a gradient for each of two layers or more, got {gradients.Count}.", nameof(gradients));
        if (gradients.Any(g => !double.IsFinite(g))) throw new ArgumentException("A gradient is NaN or infinite.", nameof(gradients));
        if (gradients[^1] == 0) throw new ArgumentException("The last layer's gradient is zero: there is no ratio to take.", nameof(gradients));
        First = Math.Abs(gradients[0]);
        Last = Math.Abs(gradients[^1]);
        FactorPerLayer = Math.Pow(Math.Abs(gradients[0] / gradients[^1]), 1.0 / (gradients.Count - 1));
    }

    /// <summary>The first layer's gradient, in absolute value.</summary>
    public double First { get; }

    /// <summary>The last layer's gradient, in absolute value.</summary>
    public double Last { get; }

    /// <summary>(First / Last)^(1 / (layers − 1)): what one layer multiplies the gradient by, on average.</summary>
    public double FactorPerLayer { get; }

    public override string ToString() => $"|∂E/∂w⁽¹⁾| = {First:G3}, |∂E/∂w⁽ᴸ⁾| = {Last:G3}: a factor {FactorPerLayer:F3} per layer on average";
}
