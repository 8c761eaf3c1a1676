namespace DlCourse.Metrics;

/// <summary>
/// An accuracy measured on a second set of images against one measured on a first, disjoint set: their difference, and
/// the standard error that noise alone gives it if both estimate the first accuracy (<see cref="AccuracyNoise"/>).
/// </summary>
public sealed class AccuracyGap
{
    private AccuracyGap(double difference, double standardError) => (Difference, StandardError) = (difference, standardError);

    /// <summary>The gap from accuracy <paramref name="first"/> on <paramref name="firstCount"/> images to <paramref name="second"/> on <paramref name="secondCount"/> others.</summary>
    public static AccuracyGap Of(double first, int firstCount, double second, int secondCount)
    {
        if (!(second is >= 0 and <= 1)) throw new ArgumentOutOfRangeException(nameof(second), second, "An accuracy is a fraction in [0, 1].");
        // Two independent estimates of the same accuracy p differ by noise of standard error √(p(1 − p)(1/n₁ + 1/n₂)).
        double standardError = AccuracyNoise.DifferenceStandardError(first, firstCount, first, secondCount);
        return new AccuracyGap(second - first, standardError);
    }

    /// <summary>The second accuracy minus the first.</summary>
    public double Difference { get; }

    /// <summary>The standard error of <see cref="Difference"/> when both sets measure the first accuracy.</summary>
    public double StandardError { get; }

    /// <summary>The difference and its standard error, in percentage points.</summary>
    public override string ToString() =>
        $"{100 * Difference:+0.00;-0.00} points; one standard error of that difference: {100 * StandardError:F2} points";
}
