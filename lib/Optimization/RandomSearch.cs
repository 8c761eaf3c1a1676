namespace DlCourse.Optimization;

/// <summary>The draws of a random hyper-parameter search, as extensions of the search's own <see cref="Random"/> so that one seed fixes every setting.</summary>
public static class RandomSearch
{
    /// <summary>One of <paramref name="choices"/>, each equally likely.</summary>
    public static T Pick<T>(this Random random, IReadOnlyList<T> choices)
    {
        ArgumentNullException.ThrowIfNull(random);
        ArgumentNullException.ThrowIfNull(choices);
        if (choices.Count == 0) throw new ArgumentException("There is nothing to pick from: give at least one choice.", nameof(choices));
        return choices[random.Next(choices.Count)];
    }

    /// <summary>A value in [<paramref name="low"/>, <paramref name="high"/>) whose base-10 logarithm is uniform: each decade is as likely as any other.</summary>
    public static double LogUniform(this Random random, double low, double high)
    {
        ArgumentNullException.ThrowIfNull(random);
        if (!(low > 0) || !(high > low) || double.IsInfinity(high))
            throw new ArgumentOutOfRangeException(nameof(high), $"A log-uniform range needs 0 < low < high < ∞; got [{low}, {high}].");
        var (a, b) = (Math.Log10(low), Math.Log10(high));
        return Math.Pow(10, a + (b - a) * random.NextDouble());
    }
}
