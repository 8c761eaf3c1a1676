namespace DlCourse.Optimization;

/// <summary>Two loss curves that share their start (entry 0), compared entry by entry after it over the entries both have:
/// how often the second lies above the first, and the range of the differences first − second.</summary>
public sealed class LossComparison
{
    private readonly IReadOnlyList<double> first;
    private readonly IReadOnlyList<double> second;

    /// <param name="first">Losses at the start and after each epoch or update, as <see cref="TrainingHistory.TrainLoss"/> gives them.</param>
    /// <param name="second">The same for the other run; the longer curve's extra entries are not compared.</param>
    public LossComparison(IReadOnlyList<double> first, IReadOnlyList<double> second)
    {
        ArgumentNullException.ThrowIfNull(first);
        ArgumentNullException.ThrowIfNull(second);
        Compared = Math.Min(first.Count, second.Count) - 1;
        if (Compared < 1) throw new ArgumentException("Both curves need a start and at least one entry after it.");
        this.first = first;
        this.second = second;
        var differences = Enumerable.Range(1, Compared).Select(e => first[e] - second[e]).ToArray();
        if (differences.Any(double.IsNaN)) throw new ArgumentException("A loss is NaN: the curves cannot be ordered.");
        Differences = differences;
        SecondAbove = differences.Count(d => d < 0);
        SmallestDifference = differences.Min();
        LargestDifference = differences.Max();
    }

    /// <summary>first − second at entries 1 … Compared: [0] is the difference after the first epoch or update.</summary>
    public IReadOnlyList<double> Differences { get; }

    /// <summary>Entries compared: 1 … Compared.</summary>
    public int Compared { get; }

    /// <summary>Entries at which the second loss is above the first.</summary>
    public int SecondAbove { get; }

    /// <summary>The smallest first − second over the entries compared.</summary>
    public double SmallestDifference { get; }

    /// <summary>The largest first − second over the entries compared: below 0 when the first is lower at every entry.</summary>
    public double LargestDifference { get; }

    /// <summary>One line, the runs and loss named as given: at how many epochs the second's loss is above the first's, the range
    /// of the second's last <paramref name="last"/> entries, and where the first ends.</summary>
    public string Describe(string firstName, string secondName, string loss, int last)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(last);
        if (last > second.Count) throw new ArgumentOutOfRangeException(nameof(last), last, $"the second curve has only {second.Count} entries.");
        var tail = second.Skip(second.Count - last).ToArray();
        return $"{secondName}'s {loss} is above {firstName}'s at {SecondAbove,3} of {Compared} epochs; {secondName}'s last {last} epochs between " +
               $"{tail.Min():F4} and {tail.Max():F4}; {firstName} ends at {first[^1]:F4}";
    }
}
