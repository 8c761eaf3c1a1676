namespace DlCourse.Optimization;

/// <summary>A learning rate per epoch (epochs count from 1); the trainer sets the optimizer's rate from it before each epoch.</summary>
public delegate double LearningRateSchedule(int epoch);

/// <summary>Common schedules: constant, step decay, exponential, 1/t and cosine.</summary>
public static class LearningRateSchedules
{
    public static LearningRateSchedule Constant(double rate) => _ => rate;

    /// <summary>Multiplies the rate by <paramref name="factor"/> every <paramref name="every"/> epochs.</summary>
    public static LearningRateSchedule Step(double rate, double factor, int every) =>
        epoch => rate * Math.Pow(factor, (epoch - 1) / every);

    /// <summary>η₀ γ^(epoch − 1).</summary>
    public static LearningRateSchedule Exponential(double rate, double gamma) => epoch => rate * Math.Pow(gamma, epoch - 1);

    /// <summary>η₀ / (1 + k(epoch − 1)), the classic decay that satisfies the Robbins–Monro conditions.</summary>
    public static LearningRateSchedule InverseTime(double rate, double k) => epoch => rate / (1 + k * (epoch - 1));

    /// <summary>Cosine annealing from η₀ at epoch 1 to <paramref name="minimum"/> at <paramref name="epochs"/>.</summary>
    public static LearningRateSchedule Cosine(double rate, int epochs, double minimum = 0) =>
        epoch => minimum + (rate - minimum) * 0.5 * (1 + Math.Cos(Math.PI * Math.Min(epoch - 1, epochs - 1) / Math.Max(1, epochs - 1)));
}
