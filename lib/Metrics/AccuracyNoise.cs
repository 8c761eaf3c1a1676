namespace DlCourse.Metrics;

/// <summary>
/// The sampling noise of an accuracy measured on n images, each one right with probability p independently of the others,
/// and the course's reading of it: a difference within two standard errors of zero is noise.
/// </summary>
public static class AccuracyNoise
{
    /// <summary>√(p(1 − p)/n): the standard error of accuracy p measured on n images.</summary>
    public static double StandardError(double accuracy, int count)
    {
        ValidateAccuracy(accuracy, nameof(accuracy));
        ArgumentOutOfRangeException.ThrowIfLessThan(count, 1);
        return Math.Sqrt(accuracy * (1 - accuracy) / count);
    }

    /// <summary>√(se_a² + se_b²): the standard error of the difference of accuracies measured on two disjoint sets (say validation and test).</summary>
    public static double DifferenceStandardError(double a, int countA, double b, int countB)
    {
        ValidateAccuracy(a, nameof(a));
        ValidateAccuracy(b, nameof(b));
        ArgumentOutOfRangeException.ThrowIfLessThan(countA, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(countB, 1);
        return Math.Sqrt(a * (1 - a) / countA + b * (1 - b) / countB);
    }

    /// <summary>
    /// √((p_a(1 − p_a) + p_b(1 − p_b))/n): the standard error of the difference of two models' accuracies on the same n
    /// images, taken as independent; cautious, since errors the two models share make the true one smaller.
    /// </summary>
    public static double DifferenceStandardError(double a, double b, int count) => DifferenceStandardError(a, count, b, count);

    /// <summary>Whether <paramref name="difference"/> lies within two standard errors of zero (both in the same unit).</summary>
    public static bool WithinNoise(double difference, double standardError)
    {
        if (!(standardError >= 0)) throw new ArgumentOutOfRangeException(nameof(standardError), standardError, "A standard error is a number ≥ 0.");
        return Math.Abs(difference) <= 2 * standardError;
    }

    private static void ValidateAccuracy(double accuracy, string name)
    {
        if (!(accuracy is >= 0 and <= 1)) throw new ArgumentOutOfRangeException(name, accuracy, "An accuracy is a fraction in [0, 1].");
    }
}
