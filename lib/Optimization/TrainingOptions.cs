namespace DlCourse.Optimization;

/// <summary>
/// How a run trains, one record for both <see cref="Trainer"/> (models written with <see cref="Models.Model"/>) and
/// <see cref="DlCourse.Torch.TorchTrainer"/>: every setting means the same in both. The learning rate is the optimizer's,
/// weight decay is part of a model's loss.
/// </summary>
public sealed record TrainingOptions
{
    public int Epochs { get; init; } = 10;

    /// <summary>The run's one seed: shuffling, augmentation and dropout. Null: 0 for <see cref="Trainer"/>, drawn from the generator <c>TorchDevice.Seed</c> seeded for <c>TorchTrainer</c>.</summary>
    public int? Seed { get; init; }

    /// <summary>The rate for each epoch (1-based), e.g. <c>LearningRateSchedules.Cosine(1e-3, epochs)</c>; null keeps the optimizer's rate.</summary>
    public LearningRateSchedule? Schedule { get; init; }

    /// <summary>Early stopping: end once the validation loss (the training loss without validation) has not improved for this many epochs; null never stops early.</summary>
    public int? Patience { get; init; }

    /// <summary>When training ends, load the weights of the epoch with the lowest validation loss (only with a validation set).</summary>
    public bool RestoreBest { get; init; } = true;

    /// <summary>Do not start an epoch that would end after this much training time (null: no limit).</summary>
    public TimeSpan? TimeBudget { get; init; }

    /// <summary>Called after each row of the history (epoch 0 too), e.g. <c>e => Console.WriteLine(e)</c>. Null: TorchTrainer prints each line; Trainer, whose epochs take microseconds, reports nothing.</summary>
    public Action<EpochResult>? Progress { get; init; }

    /// <summary>Examples per gradient step; null uses the whole training set for Trainer (batch gradient descent; 1 is stochastic) and the batches' own size for TorchTrainer.</summary>
    public int? BatchSize { get; init; }

    /// <summary>Draw a fresh random order every epoch (false keeps the data's order).</summary>
    public bool Shuffle { get; init; } = true;

    /// <summary>Record the loss and the parameters (as one vector) after every step: costly for big networks.</summary>
    public bool RecordSteps { get; init; }

    /// <summary>Record the parameters (as one vector) after every epoch.</summary>
    public bool RecordTrajectory { get; init; }

    /// <summary>Folder for the weights of the best epoch (lowest validation loss) and of the last one, for resuming; null keeps the best weights in memory only.</summary>
    public string? CheckpointDirectory { get; init; }

    /// <summary>Where to train, "cpu", "cuda" or "cuda:N" (<c>TorchDevice.Parse</c>); null is the best there is. Models written with <see cref="Models.Model"/> train on the CPU.</summary>
    /// <remarks>A name rather than TorchSharp's <c>Device</c>, so that the options do not depend on TorchSharp.</remarks>
    public string? Device { get; init; }

    /// <summary>Refuses settings outside their domain.</summary>
    internal void Validate()
    {
        if (Epochs < 1) throw new ArgumentOutOfRangeException(nameof(Epochs), Epochs, "Epochs must be at least 1.");
        if (Patience is < 1) throw new ArgumentOutOfRangeException(nameof(Patience), Patience, "Patience must be at least 1 epoch (or null for none).");
        if (BatchSize is < 1) throw new ArgumentOutOfRangeException(nameof(BatchSize), BatchSize, "BatchSize must be at least 1 (or null for the full batch).");
        if (TimeBudget is { } budget && budget < TimeSpan.Zero) throw new ArgumentOutOfRangeException(nameof(TimeBudget), budget, "TimeBudget must not be negative.");
    }
}
