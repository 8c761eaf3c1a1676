using DlCourse.Data;
using DlCourse.Models;

namespace DlCourse.Derivations;

/// <summary>Compares an analytic gradient of f: ℝⁿ → ℝ with central differences at a point.</summary>
public static class GradientCheck
{
    public const double DefaultTolerance = 1e-6;

    /// <summary>Compares at <paramref name="x"/>; <paramref name="names"/> labels the entries (e.g. "W[0,1]"), default "∂f/∂x[i]".</summary>
    public static DerivativeCheckResult Run(Func<double[], double> f, double[] x, double[] analyticGradient,
        double tolerance = DefaultTolerance, double step = FiniteDifferences.DefaultStep, string title = "Gradient check",
        IReadOnlyList<string>? names = null)
    {
        ArgumentNullException.ThrowIfNull(x);
        ArgumentNullException.ThrowIfNull(analyticGradient);
        if (analyticGradient.Length != x.Length)
            throw new ArgumentException($"The analytic gradient has {analyticGradient.Length} entries but x has {x.Length}; a gradient has one entry per input.", nameof(analyticGradient));
        if (names is not null && names.Count != x.Length)
            throw new ArgumentException($"There are {names.Count} names for {x.Length} entries; pass one name per entry of x.", nameof(names));
        var numeric = FiniteDifferences.Gradient(f, x, step);
        var entries = new DerivativeEntry[x.Length];
        for (int i = 0; i < x.Length; i++) entries[i] = DerivativeEntry.Compare(names?[i] ?? $"∂f/∂x[{i}]", analyticGradient[i], numeric[i]);
        return new DerivativeCheckResult(title, entries, tolerance);
    }

    /// <summary>Same, with the analytic gradient given as a function evaluated at x.</summary>
    public static DerivativeCheckResult Run(Func<double[], double> f, Func<double[], double[]> gradient, double[] x,
        double tolerance = DefaultTolerance, double step = FiniteDifferences.DefaultStep, string title = "Gradient check",
        IReadOnlyList<string>? names = null) =>
        Run(f, x, gradient((double[])x.Clone()), tolerance, step, title, names);

    /// <summary>Compares <paramref name="gradient"/> (the model's own when null) with central differences of the model's
    /// loss on <paramref name="rows"/> of the data (all when null), at the model's parameters; the model is not changed.
    /// Entries are named after the model's blocks ("W[0,1]", "b[2]") unless <paramref name="names"/> says otherwise.</summary>
    public static DerivativeCheckResult Run(Model model, Dataset data, float[]? gradient = null, int[]? rows = null,
        double tolerance = DefaultTolerance, double step = FiniteDifferences.DefaultStep, string title = "Gradient check",
        IReadOnlyList<string>? names = null)
    {
        ArgumentNullException.ThrowIfNull(model);
        ArgumentNullException.ThrowIfNull(data);
        var theta = ModelFunctions.ParametersOf(model);
        var analytic = gradient is null ? ModelFunctions.Gradient(model, data, rows)(theta) : Array.ConvertAll(gradient, g => (double)g);
        return Run(ModelFunctions.Loss(model, data, rows), theta, analytic, tolerance, step, title, names ?? model.ParameterNames);
    }
}
