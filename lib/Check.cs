using System.Globalization;
using MathNet.Numerics.LinearAlgebra;

namespace DlCourse;

/// <summary>Thrown by a notebook check cell whose result is wrong.</summary>
public sealed class CheckFailedException(string message) : Exception(message);

/// <summary>Assertions for notebook check cells: each prints a tick when it holds and throws <see cref="CheckFailedException"/> when not.
/// Every comparison is NaN- and ∞-safe: a non-finite value where a finite one is expected fails (unlike <c>Enumerable.Max</c>, which skips NaN).
/// Each also records what it compared (<see cref="CheckLog"/>): the grader judges those values against a reference run.</summary>
public static class Check
{
    /// <summary>|actual − expected| ≤ tolerance + relative·|expected|; a non-finite expected value must be matched exactly.</summary>
    public static void Close(double actual, double expected, double tolerance, string what, double relative = 0)
    {
        CheckLog.Add(new("close", what, [actual], [expected], tolerance, relative));
        if (!Within(actual, expected, tolerance, relative))
            throw new CheckFailedException($"{what}: got {G(actual, 6)}, expected {G(expected, 6)} ± {Bound(expected, tolerance, relative)}");
        Pass(what, G(actual, 6));
    }

    /// <summary>Entry by entry |actual[i] − expected[i]| ≤ tolerance + relative·|expected[i]|; reports the worst index.</summary>
    public static void Close(IReadOnlyList<double> actual, IReadOnlyList<double> expected, double tolerance, string what, double relative = 0)
    {
        ArgumentNullException.ThrowIfNull(actual);
        ArgumentNullException.ThrowIfNull(expected);
        CheckLog.Add(new("close", what, [.. actual], [.. expected], tolerance, relative));
        if (actual.Count != expected.Count)
            throw new CheckFailedException($"{what}: got {actual.Count} entries, expected {expected.Count}");
        CloseEntries(actual.Count, i => actual[i], i => expected[i], i => $"[{i}]", tolerance, relative, what);
    }

    /// <summary>The same for float32 vectors (a model's parameters or gradient), compared in double precision.</summary>
    public static void Close(IReadOnlyList<float> actual, IReadOnlyList<float> expected, double tolerance, string what, double relative = 0)
    {
        ArgumentNullException.ThrowIfNull(actual);
        ArgumentNullException.ThrowIfNull(expected);
        Close(actual.Select(v => (double)v).ToArray(), expected.Select(v => (double)v).ToArray(), tolerance, what, relative);
    }

    /// <summary>Entry by entry for matrices of the same shape; reports the worst (row, column).</summary>
    public static void Close(Matrix<double> actual, Matrix<double> expected, double tolerance, string what, double relative = 0)
    {
        ArgumentNullException.ThrowIfNull(actual);
        ArgumentNullException.ThrowIfNull(expected);
        CheckLog.Add(new("close", what, actual.ToRowMajorArray(), expected.ToRowMajorArray(), tolerance, relative,
            Shape: [actual.RowCount, actual.ColumnCount, expected.RowCount, expected.ColumnCount]));
        if (actual.RowCount != expected.RowCount || actual.ColumnCount != expected.ColumnCount)
            throw new CheckFailedException($"{what}: got a {actual.RowCount}×{actual.ColumnCount} matrix, expected {expected.RowCount}×{expected.ColumnCount}");
        int columns = actual.ColumnCount;
        CloseEntries(actual.RowCount * columns, i => actual[i / columns, i % columns], i => expected[i / columns, i % columns],
            i => $"[{i / columns},{i % columns}]", tolerance, relative, what);
    }

    /// <summary>Several matrices (e.g. a Hessian at each of many points) entry by entry, as one list: each matrix column by column,
    /// in turn; reports the worst index in that list. Every pair must have the same shape.</summary>
    public static void Close(IReadOnlyList<Matrix<double>> actual, IReadOnlyList<Matrix<double>> expected, double tolerance, string what,
        double relative = 0)
    {
        ArgumentNullException.ThrowIfNull(actual);
        ArgumentNullException.ThrowIfNull(expected);
        if (actual.Any(m => m is null) || expected.Any(m => m is null)) throw new ArgumentException("A matrix in the lists is null.");
        if (actual.Count != expected.Count) throw new CheckFailedException($"{what}: got {actual.Count} matrices, expected {expected.Count}");
        for (int i = 0; i < actual.Count; i++)
            if (actual[i].RowCount != expected[i].RowCount || actual[i].ColumnCount != expected[i].ColumnCount)
                throw new CheckFailedException($"{what}: matrix [{i}] is {actual[i].RowCount}×{actual[i].ColumnCount}, " +
                    $"expected {expected[i].RowCount}×{expected[i].ColumnCount}");
        Close([.. actual.SelectMany(m => m.Enumerate())], [.. expected.SelectMany(m => m.Enumerate())], tolerance, what, relative);
    }

    /// <summary>Every entry within ±tolerance of 0 (e.g. a gradient at a minimum, rows of a Jacobian summing to 0).</summary>
    public static void Zero(IReadOnlyList<double> values, double tolerance, string what) =>
        Close(values, new double[values.Count], tolerance, what);

    /// <summary>Every entry of a matrix within ±tolerance of 0.</summary>
    public static void Zero(Matrix<double> values, double tolerance, string what) =>
        Close(values, Matrix<double>.Build.Dense(values.RowCount, values.ColumnCount), tolerance, what);

    /// <summary>Integers (counts, labels, shapes) are equal.</summary>
    public static void Equal(long actual, long expected, string what)
    {
        CheckLog.Add(new("equal", what, [actual], [expected]));
        if (actual != expected) throw new CheckFailedException($"{what}: got {actual}, expected {expected}");
        Pass(what, actual.ToString(CultureInfo.InvariantCulture));
    }

    /// <summary>Integer sequences (predicted labels, counts) are equal entry by entry; reports the first difference.</summary>
    public static void Equal(IReadOnlyList<int> actual, IReadOnlyList<int> expected, string what)
    {
        ArgumentNullException.ThrowIfNull(actual);
        ArgumentNullException.ThrowIfNull(expected);
        CheckLog.Add(new("equal", what, [.. actual.Select(v => (double)v)], [.. expected.Select(v => (double)v)]));
        if (actual.Count != expected.Count) throw new CheckFailedException($"{what}: got {actual.Count} entries, expected {expected.Count}");
        for (int i = 0; i < actual.Count; i++)
            if (actual[i] != expected[i]) throw new CheckFailedException($"{what}: first difference at [{i}]: got {actual[i]}, expected {expected[i]}");
        Pass(what, $"{actual.Count} entries");
    }

    /// <summary>A condition that must hold; <paramref name="what"/> says what it means.</summary>
    public static void True(bool condition, string what)
    {
        CheckLog.Add(new("true", what, [condition ? 1 : 0], [1]));
        if (!condition) throw new CheckFailedException($"{what}: does not hold");
        Pass(what);
    }

    /// <summary>actual ≤ bound, e.g. a gradient-check error under its tolerance (NaN fails).</summary>
    public static void AtMost(double actual, double bound, string what)
    {
        CheckLog.Add(new("at-most", what, [actual], [bound]));
        if (!(actual <= bound)) throw new CheckFailedException($"{what}: {G(actual)} exceeds {G(bound)}");
        Pass(what, $"{G(actual)} ≤ {G(bound)}");
    }

    /// <summary>Every entry ≤ bound (NaN fails); reports the largest entry and its index.</summary>
    public static void AtMost(IReadOnlyList<double> values, double bound, string what)
    {
        ArgumentNullException.ThrowIfNull(values);
        CheckLog.Add(new("at-most", what, [.. values], [bound]));
        int worst = -1;
        for (int i = 0; i < values.Count; i++)
        {
            if (double.IsNaN(values[i])) { worst = i; break; }
            if (worst < 0 || values[i] > values[worst]) worst = i;
        }
        if (worst >= 0 && !(values[worst] <= bound))
            throw new CheckFailedException($"{what}: entry [{worst}] = {G(values[worst])} exceeds {G(bound)}");
        Pass(what, worst < 0 ? "0 entries" : $"{values.Count} entries, largest {G(values[worst])} at [{worst}] ≤ {G(bound)}");
    }

    /// <summary>actual ≥ bound (NaN fails).</summary>
    public static void AtLeast(double actual, double bound, string what)
    {
        CheckLog.Add(new("at-least", what, [actual], [bound]));
        if (!(actual >= bound)) throw new CheckFailedException($"{what}: {G(actual)} is below {G(bound)}");
        Pass(what, $"{G(actual)} ≥ {G(bound)}");
    }

    /// <summary>Every entry ≥ bound (NaN fails); reports the smallest entry and its index.</summary>
    public static void AtLeast(IReadOnlyList<double> values, double bound, string what)
    {
        ArgumentNullException.ThrowIfNull(values);
        CheckLog.Add(new("at-least", what, [.. values], [bound]));
        int worst = -1;
        for (int i = 0; i < values.Count; i++)
        {
            if (double.IsNaN(values[i])) { worst = i; break; }
            if (worst < 0 || values[i] < values[worst]) worst = i;
        }
        if (worst >= 0 && !(values[worst] >= bound))
            throw new CheckFailedException($"{what}: entry [{worst}] = {G(values[worst])} is below {G(bound)}");
        Pass(what, worst < 0 ? "0 entries" : $"{values.Count} entries, smallest {G(values[worst])} at [{worst}] ≥ {G(bound)}");
    }

    /// <summary>smaller &lt; larger strictly, e.g. one method's loss beats another's (NaN fails).</summary>
    public static void Less(double smaller, double larger, string what)
    {
        CheckLog.Add(new("less", what, [smaller], [larger]));
        if (!(smaller < larger)) throw new CheckFailedException($"{what}: {G(smaller, 6)} is not below {G(larger, 6)}");
        Pass(what, $"{G(smaller, 6)} < {G(larger, 6)}");
    }

    /// <summary>Math.Sign(value) == sign (−1, 0 or +1); NaN has no sign and fails.</summary>
    public static void Sign(double value, int sign, string what)
    {
        if (sign is < -1 or > 1) throw new ArgumentOutOfRangeException(nameof(sign), "sign is −1, 0 or +1");
        CheckLog.Add(new("sign", what, [value], [sign]));
        if (double.IsNaN(value) || Math.Sign(value) != sign)
            throw new CheckFailedException($"{what}: {G(value, 6)} does not have sign {sign:+0;−0;0}");
        Pass(what, G(value, 6));
    }

    /// <summary>Every entry is finite (no NaN, no ±∞).</summary>
    public static void Finite(IReadOnlyList<double> values, string what)
    {
        ArgumentNullException.ThrowIfNull(values);
        CheckLog.Add(new("finite", what, [.. values], []));
        for (int i = 0; i < values.Count; i++)
            if (!double.IsFinite(values[i])) throw new CheckFailedException($"{what}: entry [{i}] is {G(values[i])}");
        Pass(what, $"{values.Count} entries");
    }

    /// <summary>values[i+1] ≤ values[i] + slack for every i (strict: values[i+1] &lt; values[i]); every entry must be finite.</summary>
    public static void Decreasing(IReadOnlyList<double> values, string what, double slack = 0, bool strict = false) =>
        Monotone(values, what, slack, strict, -1);

    /// <summary>values[i+1] ≥ values[i] − slack for every i (strict: values[i+1] &gt; values[i]); every entry must be finite.</summary>
    public static void Increasing(IReadOnlyList<double> values, string what, double slack = 0, bool strict = false) =>
        Monotone(values, what, slack, strict, +1);

    /// <summary>The largest entry, NaN when any entry is NaN (<c>Enumerable.Max</c> skips NaN); −∞ when empty.</summary>
    public static double MaxOf(IEnumerable<double> values)
    {
        double max = double.NegativeInfinity;
        foreach (var v in values)
        {
            if (double.IsNaN(v)) return double.NaN;
            if (v > max) max = v;
        }
        return max;
    }

    private static void Monotone(IReadOnlyList<double> values, string what, double slack, bool strict, int direction)
    {
        ArgumentNullException.ThrowIfNull(values);
        CheckLog.Add(new(direction < 0 ? "decreasing" : "increasing", what, [.. values], [], slack, Strict: strict));
        for (int i = 0; i < values.Count; i++)
            if (!double.IsFinite(values[i])) throw new CheckFailedException($"{what}: entry [{i}] is {G(values[i])}");
        string word = direction < 0 ? "falls" : "rises";
        for (int i = 0; i + 1 < values.Count; i++)
        {
            double step = direction * (values[i + 1] - values[i]);
            bool ok = strict ? step > 0 : step >= -slack;
            if (!ok)
                throw new CheckFailedException($"{what}: [{i}] → [{i + 1}] is {G(values[i], 6)} → {G(values[i + 1], 6)}, which is not {(strict ? "strictly " : "")}{(direction < 0 ? "decreasing" : "increasing")}");
        }
        Pass(what, values.Count < 2 ? $"{values.Count} entries" : $"{word} from {G(values[0], 4)} to {G(values[^1], 4)} over {values.Count} entries");
    }

    private static void CloseEntries(int count, Func<int, double> actual, Func<int, double> expected, Func<int, string> index,
        double tolerance, double relative, string what)
    {
        int failures = 0, worstFail = -1, worstOk = -1;
        double worstFailError = double.NegativeInfinity, worstOkError = double.NegativeInfinity;
        for (int i = 0; i < count; i++)
        {
            double a = actual(i), e = expected(i);
            // A non-finite mismatch counts as an infinite error, so it is the one reported.
            double error = double.IsFinite(a) && double.IsFinite(e) ? Math.Abs(a - e) : a.Equals(e) ? 0 : double.PositiveInfinity;
            if (Within(a, e, tolerance, relative)) { if (error > worstOkError) (worstOk, worstOkError) = (i, error); }
            else { failures++; if (error > worstFailError) (worstFail, worstFailError) = (i, error); }
        }
        int worst = failures > 0 ? worstFail : worstOk;
        double worstError = failures > 0 ? worstFailError : worstOkError;
        if (failures > 0)
            throw new CheckFailedException($"{what}: {failures} of {count} entries out of tolerance; worst at {index(worst)}: got {G(actual(worst), 6)}, " +
                $"expected {G(expected(worst), 6)} ± {Bound(expected(worst), tolerance, relative)}");
        Pass(what, count == 0 ? "0 entries" : $"{count} entries, max error {G(worstError)} at {index(worst)}");
    }

    private static bool Within(double actual, double expected, double tolerance, double relative)
    {
        if (!double.IsFinite(expected)) return actual.Equals(expected);
        if (!double.IsFinite(actual)) return false;
        return Math.Abs(actual - expected) <= tolerance + relative * Math.Abs(expected);
    }

    private static string Bound(double expected, double tolerance, double relative) =>
        relative == 0 ? G(tolerance, 2) : $"({G(tolerance, 2)} + {G(relative, 2)}·|expected|)";

    private static string G(double v, int digits = 3) => v.ToString("G" + digits, CultureInfo.InvariantCulture);

    private static void Pass(string what, string? detail = null) =>
        Console.WriteLine(detail is null ? $"✓ {what}" : $"✓ {what} ({detail})");
}
