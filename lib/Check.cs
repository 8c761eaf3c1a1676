namespace DlCourse;

/// <summary>Thrown by a notebook check cell whose result is wrong.</summary>
public sealed class CheckFailedException(string message) : Exception(message);

/// <summary>Assertions for notebook check cells: each prints a tick when it holds and throws <see cref="CheckFailedException"/> when not.</summary>
public static class Check
{
    /// <summary>|actual − expected| ≤ tolerance (absolute).</summary>
    public static void Close(double actual, double expected, double tolerance, string what)
    {
        if (!(Math.Abs(actual - expected) <= tolerance))
            throw new CheckFailedException($"{what}: got {actual:G6}, expected {expected:G6} ± {tolerance:G2}");
        Pass(what, $"{actual:G6}");
    }

    /// <summary>A condition that must hold; <paramref name="what"/> says what it means.</summary>
    public static void True(bool condition, string what)
    {
        if (!condition) throw new CheckFailedException($"{what}: does not hold");
        Pass(what);
    }

    /// <summary>actual ≤ bound, e.g. a gradient-check error under its tolerance.</summary>
    public static void AtMost(double actual, double bound, string what)
    {
        if (!(actual <= bound)) throw new CheckFailedException($"{what}: {actual:G3} exceeds {bound:G3}");
        Pass(what, $"{actual:G3} ≤ {bound:G3}");
    }

    private static void Pass(string what, string? detail = null) =>
        Console.WriteLine(detail is null ? $"✓ {what}" : $"✓ {what} ({detail})");
}
