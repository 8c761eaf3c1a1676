using DlCourse.Optimization;
using static TorchSharp.torch;

namespace DlCourse.Torch;

/// <summary>How <see cref="Trainer"/> trains: optimiser, schedule, seed, stopping rules, checkpoints and progress.</summary>
public sealed record TrainerOptions
{
    public int Epochs { get; init; } = 10;
    public OptimizerKind Optimizer { get; init; } = OptimizerKind.Adam;
    public double LearningRate { get; init; } = 1e-3;
    /// <summary>Momentum for SGD (ignored by Adam).</summary>
    public double Momentum { get; init; } = 0.9;
    /// <summary>L2 penalty added to the gradient (λw) by the optimiser.</summary>
    public double WeightDecay { get; init; }
    /// <summary>
    /// The rate for each epoch (1-based), e.g. <c>LearningRateSchedules.Cosine(1e-3, epochs)</c> from DlCourse.Optimization;
    /// null keeps <see cref="LearningRate"/>. A function of the epoch alone, so a resumed run stays on schedule.
    /// </summary>
    public LearningRateSchedule? Schedule { get; init; }
    /// <summary>Seeds dropout each epoch (with the epoch number), so that runs and resumed runs repeat.</summary>
    public int Seed { get; init; }
    /// <summary>Stop when the validation loss has not improved for this many epochs (null: never).</summary>
    public int? Patience { get; init; }
    /// <summary>Do not start an epoch that would end after this much training time (null: no limit).</summary>
    public TimeSpan? TimeBudget { get; init; }
    /// <summary>Folder for <c>best.ckpt</c> (lowest validation loss) and <c>last.ckpt</c> (for resuming); null keeps the best weights in memory only.</summary>
    public string? CheckpointDirectory { get; init; }
    /// <summary>Load the best epoch's weights into the model when training ends.</summary>
    public bool RestoreBest { get; init; } = true;
    /// <summary>Called after each epoch; by default prints one compact line.</summary>
    public Action<EpochResult>? Progress { get; init; } = e => Console.WriteLine(e);
    /// <summary>Where to train; null means <see cref="TorchDevice.Best"/>.</summary>
    public Device? Device { get; init; }
}
