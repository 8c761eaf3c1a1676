using System.Globalization;

namespace DlCourse.Cli.Grading.Judging;

/// <summary>The checks each test cell of a source notebook records when the notebook runs with the course's own solutions.</summary>
public sealed record Reference(IReadOnlyDictionary<string, IReadOnlyList<CheckRecord>> Tests)
{
    public IReadOnlyList<CheckRecord> For(string gradeId) => Tests.TryGetValue(gradeId, out var checks) ? checks : [];
}

/// <summary>Whether a test cell's checks in the student's run hold against the reference run, and if not, the first reason.</summary>
public sealed record Verdict(bool Passed, string? Why = null)
{
    public static readonly Verdict Pass = new(true);
}

/// <summary>
/// Judges a test cell outside the student's process: the student's run must make as many checks, of the same kinds, as the
/// reference run (the course's own solutions in a clean worker), and each check's values from the student's run must hold
/// against the expected values, bounds and tolerances of the reference run's same check. Nothing the student's process
/// computed as a verdict or a reference counts.
/// </summary>
public static class Judge
{
    public static Verdict Compare(IReadOnlyList<CheckRecord> student, IReadOnlyList<CheckRecord> reference)
    {
        for (int i = 0; i < Math.Min(student.Count, reference.Count); i++)
        {
            var (mine, theirs) = (student[i], reference[i]);
            if (mine.Kind != theirs.Kind)
                return new(false, $"check {i + 1} ({theirs.What}) was a {mine.Kind} check in your run, a {theirs.Kind} check in the reference's");
            if (Holds(mine, theirs) is { } why) return new(false, $"{theirs.What}: {why}");
        }
        if (student.Count != reference.Count)
            return new(false, $"your run made {student.Count} checks in this test, the reference {reference.Count} " +
                "(a Check called by your own code while a test runs counts too)");
        return Verdict.Pass;
    }

    /// <summary>Null when the student's check holds against the reference's, else why not.</summary>
    private static string? Holds(CheckRecord mine, CheckRecord theirs)
    {
        double[] actual = mine.Actual ?? [], expected = theirs.Expected ?? [];
        switch (theirs.Kind)
        {
            case "close" or "equal":
                if (mine.Shape is { Length: 4 } a && theirs.Shape is { Length: 4 } e && (a[0], a[1]) != (e[2], e[3]))
                    return $"got a {a[0]}×{a[1]} matrix, expected {e[2]}×{e[3]}";
                if (actual.Length != expected.Length) return $"got {actual.Length} entries, expected {expected.Length}";
                double tolerance = theirs.Kind == "equal" ? 0 : theirs.Tolerance, relative = theirs.Kind == "equal" ? 0 : theirs.Relative;
                for (int j = 0; j < actual.Length; j++)
                    if (!Within(actual[j], expected[j], tolerance, relative))
                        return $"{Index(j, actual.Length)}got {G(actual[j])}, expected {G(expected[j])}" + (tolerance > 0 || relative > 0 ? $" ± {G(tolerance + relative * Math.Abs(expected[j]))}" : "");
                return null;
            case "true":
                return actual is [1] ? null : "does not hold";
            case "at-most" or "at-least" or "less":
                if (expected.Length != 1) return "the reference's bound is missing";
                for (int j = 0; j < actual.Length; j++)
                {
                    double v = actual[j], bound = expected[0];
                    bool ok = theirs.Kind switch { "at-most" => v <= bound, "at-least" => v >= bound, _ => v < bound };
                    if (!ok) return $"{Index(j, actual.Length)}{G(v)} is not {(theirs.Kind == "at-most" ? "≤" : theirs.Kind == "at-least" ? "≥" : "<")} {G(bound)}";
                }
                return theirs.Kind == "less" && actual.Length != 1 ? "expected one value" : null;
            case "sign":
                return actual is [var s] && expected is [var sign] && !double.IsNaN(s) && Math.Sign(s) == (int)sign ? null : "has the wrong sign";
            case "finite":
                return actual.All(double.IsFinite) ? null : "not every entry is finite";
            case "decreasing" or "increasing":
                if (!actual.All(double.IsFinite)) return "not every entry is finite";
                int direction = theirs.Kind == "decreasing" ? -1 : 1;
                for (int j = 0; j + 1 < actual.Length; j++)
                {
                    double step = direction * (actual[j + 1] - actual[j]);
                    if (theirs.Strict ? !(step > 0) : !(step >= -theirs.Tolerance)) return $"[{j}] → [{j + 1}] is {G(actual[j])} → {G(actual[j + 1])}";
                }
                return null;
            default:
                return $"a {theirs.Kind} check cannot be judged";
        }
    }

    // As Check.Close: a non-finite expected value must be matched exactly, a non-finite actual one never passes otherwise.
    private static bool Within(double actual, double expected, double tolerance, double relative)
    {
        if (!double.IsFinite(expected)) return actual.Equals(expected);
        if (!double.IsFinite(actual)) return false;
        return Math.Abs(actual - expected) <= tolerance + relative * Math.Abs(expected);
    }

    private static string Index(int j, int count) => count == 1 ? "" : $"[{j}] ";

    private static string G(double v) => v.ToString("G6", CultureInfo.InvariantCulture);
}
