namespace DlCourse.Optimization;

/// <summary>Plain gradient descent θ ← θ − α·g(θ) on a parameter vector, for a gradient a notebook writes itself; the loss
/// is recorded before the first step and after each.</summary>
public sealed class GradientDescentPath
{
    private GradientDescentPath(double[] final, double[] losses) { Final = final; Losses = losses; }

    /// <summary>θ after the last step.</summary>
    public double[] Final { get; }

    /// <summary>Losses[0] at the start, Losses[s] after step s.</summary>
    public double[] Losses { get; }

    /// <summary>Runs <paramref name="steps"/> steps of size <paramref name="rate"/> from <paramref name="start"/> (left unchanged).</summary>
    public static GradientDescentPath Run(Func<double[], double> loss, Func<double[], double[]> gradient, double[] start, double rate, int steps)
    {
        ArgumentNullException.ThrowIfNull(loss);
        ArgumentNullException.ThrowIfNull(gradient);
        ArgumentNullException.ThrowIfNull(start);
        if (!(rate > 0) || !double.IsFinite(rate)) throw new ArgumentOutOfRangeException(nameof(rate), rate, "the step size must be finite and > 0");
        ArgumentOutOfRangeException.ThrowIfNegative(steps);
        var theta = (double[])start.Clone();
        var losses = new double[steps + 1];
        losses[0] = loss(theta);
        for (int s = 1; s <= steps; s++)
        {
            // The gradient may be handed a copy or the vector itself; copying keeps a function that writes into its input harmless.
            var g = gradient((double[])theta.Clone());
            if (g is null || g.Length != theta.Length)
                throw new InvalidOperationException($"The gradient has {g?.Length ?? 0} entries at step {s}; it must have one per parameter ({theta.Length}).");
            for (int j = 0; j < theta.Length; j++) theta[j] -= rate * g[j];
            losses[s] = loss(theta);
        }
        return new GradientDescentPath(theta, losses);
    }
}
