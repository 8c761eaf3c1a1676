namespace DlCourse.Derivations;

/// <summary>Compares an analytic gradient of f: ℝⁿ → ℝ with central differences at a point.</summary>
public static class GradientCheck
{
    public const double DefaultTolerance = 1e-6;

    public static DerivativeCheckResult Run(Func<double[], double> f, double[] x, double[] analyticGradient,
        double tolerance = DefaultTolerance, double step = FiniteDifferences.DefaultStep, string title = "Gradient check")
    {
        ArgumentNullException.ThrowIfNull(x);
        ArgumentNullException.ThrowIfNull(analyticGradient);
        if (analyticGradient.Length != x.Length)
            throw new ArgumentException($"The analytic gradient has {analyticGradient.Length} entries but x has {x.Length}; a gradient has one entry per input.", nameof(analyticGradient));
        var numeric = FiniteDifferences.Gradient(f, x, step);
        var entries = new DerivativeEntry[x.Length];
        for (int i = 0; i < x.Length; i++) entries[i] = DerivativeEntry.Compare($"∂f/∂x[{i}]", analyticGradient[i], numeric[i]);
        return new DerivativeCheckResult(title, entries, tolerance);
    }

    /// <summary>Same, with the analytic gradient given as a function evaluated at x.</summary>
    public static DerivativeCheckResult Run(Func<double[], double> f, Func<double[], double[]> gradient, double[] x,
        double tolerance = DefaultTolerance, double step = FiniteDifferences.DefaultStep, string title = "Gradient check") =>
        Run(f, x, gradient((double[])x.Clone()), tolerance, step, title);
}
