namespace DlCourse.Derivations;

/// <summary>One compared derivative: its name (e.g. "∂f/∂x[2]" or "J[1,0]"), analytic and numeric values and their errors.
/// RelError is |analytic − numeric| / max(1, |analytic|, |numeric|): relative for large entries, absolute near zero (where a true relative error is noise).</summary>
public sealed record DerivativeEntry(string Name, double Analytic, double Numeric, double AbsError, double RelError)
{
    internal static DerivativeEntry Compare(string name, double analytic, double numeric)
    {
        double abs = Math.Abs(analytic - numeric);
        double scale = Math.Max(1.0, Math.Max(Math.Abs(analytic), Math.Abs(numeric)));
        // NaN compares false everywhere, so make it an explicit failure.
        double rel = double.IsNaN(abs) ? double.PositiveInfinity : abs / scale;
        return new DerivativeEntry(name, analytic, numeric, double.IsNaN(abs) ? double.PositiveInfinity : abs, rel);
    }
}

/// <summary>The outcome of <see cref="GradientCheck"/> or <see cref="JacobianCheck"/>: every entry, the worst errors, and whether all are within <see cref="Tolerance"/>.
/// Displays as an HTML table in a notebook (see <see cref="DerivativeCheckDisplay"/>).</summary>
public sealed record DerivativeCheckResult(string Title, IReadOnlyList<DerivativeEntry> Entries, double Tolerance)
{
    public double MaxAbsError => Entries.Count == 0 ? 0 : Entries.Max(e => e.AbsError);

    public double MaxRelError => Entries.Count == 0 ? 0 : Entries.Max(e => e.RelError);

    /// <summary>True when every entry's <see cref="DerivativeEntry.RelError"/> is at most <see cref="Tolerance"/>.</summary>
    public bool Passed => PassedAt(Tolerance);

    public bool PassedAt(double tolerance) => MaxRelError <= tolerance;

    /// <summary>The entries with the largest relative error first.</summary>
    public IEnumerable<DerivativeEntry> Worst(int count) => Entries.OrderByDescending(e => e.RelError).Take(count);

    public override string ToString() =>
        $"{Title}: {Entries.Count} entries, max abs error {MaxAbsError:G3}, max rel error {MaxRelError:G3}, tolerance {Tolerance:G3} — {(Passed ? "passed" : "FAILED")}";
}
