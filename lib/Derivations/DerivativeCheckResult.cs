using Microsoft.DotNet.Interactive;

namespace DlCourse.Derivations;

/// <summary>One compared derivative: its name (e.g. "∂f/∂x[2]" or "J[1,0]"), analytic and numeric values and their errors.
/// RelError is |analytic − numeric| / max(1, |analytic|, |numeric|): relative for large entries, absolute near zero (where a true relative error is noise);
/// both errors are +∞ when either value is NaN or ±∞, so such an entry always fails.</summary>
public sealed record DerivativeEntry(string Name, double Analytic, double Numeric, double AbsError, double RelError)
{
    internal static DerivativeEntry Compare(string name, double analytic, double numeric)
    {
        // A non-finite entry is an explicit failure: NaN compares false everywhere and ∞/∞ would give a NaN error.
        if (!double.IsFinite(analytic) || !double.IsFinite(numeric))
            return new DerivativeEntry(name, analytic, numeric, double.PositiveInfinity, double.PositiveInfinity);
        double abs = Math.Abs(analytic - numeric);
        double scale = Math.Max(1.0, Math.Max(Math.Abs(analytic), Math.Abs(numeric)));
        return new DerivativeEntry(name, analytic, numeric, abs, abs / scale);
    }
}

/// <summary>The outcome of <see cref="GradientCheck"/> or <see cref="JacobianCheck"/>: every entry, the worst errors, and whether all are within <see cref="Tolerance"/>.
/// Displays as an HTML table in a notebook (see <see cref="DerivativeCheckDisplay"/>).</summary>
public sealed record DerivativeCheckResult(string Title, IReadOnlyList<DerivativeEntry> Entries, double Tolerance)
{
    public double MaxAbsError => Entries.Count == 0 ? 0 : Check.MaxOf(Entries.Select(e => e.AbsError));

    public double MaxRelError => Entries.Count == 0 ? 0 : Check.MaxOf(Entries.Select(e => e.RelError));

    /// <summary>True when every entry's <see cref="DerivativeEntry.RelError"/> is at most <see cref="Tolerance"/>.</summary>
    public bool Passed => PassedAt(Tolerance);

    public bool PassedAt(double tolerance) => MaxRelError <= tolerance;

    /// <summary>Shows this check's table in the notebook, then requires that it passed, as
    /// <c>Check.True(Passed, what)</c> does (recorded and printed the same way).</summary>
    public void ShowAndVerify(string what)
    {
        this.Display();
        Check.True(Passed, what);
    }

    /// <summary>The entries with the largest relative error first.</summary>
    public IEnumerable<DerivativeEntry> Worst(int count) => Entries.OrderByDescending(e => e.RelError).Take(count);

    public override string ToString() =>
        $"{Title}: {Entries.Count} entries, max abs error {MaxAbsError:G3}, max rel error {MaxRelError:G3}, tolerance {Tolerance:G3} — {(Passed ? "passed" : "FAILED")}";
}
