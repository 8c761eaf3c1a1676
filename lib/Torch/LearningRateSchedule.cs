namespace DlCourse.Torch;

/// <summary>
/// The learning rate as a factor of the base rate for each epoch. It depends only on the epoch number, so that a
/// resumed run continues on the same schedule without saving scheduler state.
/// </summary>
public sealed record LearningRateSchedule(string Name, Func<int, int, double> FactorAt)
{
    public static readonly LearningRateSchedule Constant = new("constant", (_, _) => 1.0);

    /// <summary>Multiplies the rate by <paramref name="gamma"/> every <paramref name="every"/> epochs.</summary>
    public static LearningRateSchedule Step(int every, double gamma = 0.1) =>
        new($"step(every {every}, ×{gamma})", (epoch, _) => Math.Pow(gamma, epoch / every));

    /// <summary>Cosine annealing from the base rate down to <paramref name="floor"/>×base at the last epoch.</summary>
    public static LearningRateSchedule Cosine(double floor = 0.0) =>
        new("cosine", (epoch, epochs) => epochs <= 1 ? 1.0 : floor + (1 - floor) * 0.5 * (1 + Math.Cos(Math.PI * epoch / (epochs - 1))));

    /// <summary>The factor for 0-based <paramref name="epoch"/> of <paramref name="epochs"/>.</summary>
    public double Factor(int epoch, int epochs) => FactorAt(epoch, epochs);

    public override string ToString() => Name;
}
