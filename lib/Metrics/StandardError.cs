namespace DlCourse.Metrics;

/// <summary>Standard errors of an accuracy (a proportion p of n independent samples), for telling a difference from noise.</summary>
public static class StandardError
{
    /// <summary>√(p(1 − p)/n): the standard error of a proportion p measured on n samples.</summary>
    public static double OfProportion(double p, int n)
    {
        CheckProportion(p);
        CheckCount(n, nameof(n));
        return Math.Sqrt(p * (1 - p) / n);
    }

    /// <summary>√(p(1 − p)(1/n₁ + 1/n₂)): the standard error of the difference between two independent estimates of the
    /// same proportion p, on n₁ and n₂ samples (e.g. a validation and a test accuracy).</summary>
    public static double OfDifference(double p, int n1, int n2)
    {
        CheckProportion(p);
        CheckCount(n1, nameof(n1));
        CheckCount(n2, nameof(n2));
        return Math.Sqrt(p * (1 - p) * (1.0 / n1 + 1.0 / n2));
    }

    private static void CheckProportion(double p)
    {
        if (!(p >= 0 && p <= 1)) throw new ArgumentOutOfRangeException(nameof(p), p, "p is a proportion: it must lie in [0, 1]");
    }

    private static void CheckCount(int n, string name)
    {
        if (n < 1) throw new ArgumentOutOfRangeException(name, n, "the number of samples must be at least 1");
    }
}
