namespace DlCourse.Optimization;

/// <summary>
/// How a run trains, for both <see cref="Trainer"/> (the course's own models) and <see cref="DlCourse.Torch.TorchTrainer"/>:
/// one name per concept. A setting that only one trainer can honour is refused by the other rather than ignored.
/// </summary>
public sealed record TrainingOptions
{
    public int Epochs { get; init; } = 10;

    /// <summary>The run's one seed: shuffling, augmentation and dropout. Null: 0 for <see cref="Trainer"/>, drawn from the generator <c>TorchDevice.Seed</c> seeded for <c>TorchTrainer</c>.</summary>
    public int? Seed { get; init; }

    /// <summary>The rate for each epoch (1-based), e.g. <c>LearningRateSchedules.Cosine(1e-3, epochs)</c>; null keeps the starting rate.</summary>
    public LearningRateSchedule? Schedule { get; init; }

    /// <summary>Early stopping: end once the validation loss (the training loss without validation) has not improved for this many epochs; null never stops early.</summary>
    public int? Patience { get; init; }

    /// <summary>When training ends, load the weights of the epoch with the lowest validation loss (only with a validation set).</summary>
    public bool RestoreBest { get; init; } = true;

    /// <summary>Do not start an epoch that would end after this much training time (null: no limit).</summary>
    public TimeSpan? TimeBudget { get; init; }

    /// <summary>Called after each epoch, e.g. <c>e => Console.WriteLine(e)</c>. Null: TorchTrainer prints each epoch's line; Trainer, whose epochs take microseconds, reports nothing.</summary>
    public Action<EpochResult>? Progress { get; init; }

    /// <summary>Trainer only: examples per gradient step; null uses the whole training set (batch gradient descent), 1 is stochastic. TorchTrainer takes the batches' size.</summary>
    public int? BatchSize { get; init; }

    /// <summary>Trainer only: draw a fresh random order every epoch (false keeps the data's order). TorchTrainer's batches say whether they shuffle.</summary>
    public bool Shuffle { get; init; } = true;

    /// <summary>Trainer only: record the loss and the parameters after every step (costly for big models).</summary>
    public bool RecordSteps { get; init; }

    /// <summary>Trainer only: record the parameters after every epoch.</summary>
    public bool RecordTrajectory { get; init; }

    /// <summary>TorchTrainer only (Trainer takes an <see cref="IOptimizer"/>): the optimiser; null is Adam.</summary>
    public OptimizerKind? Optimizer { get; init; }

    /// <summary>TorchTrainer only: the starting rate; null is 10⁻³.</summary>
    public double? LearningRate { get; init; }

    /// <summary>TorchTrainer only: momentum for SGD; null is 0.9.</summary>
    public double? Momentum { get; init; }

    /// <summary>TorchTrainer only: the L2 strength λ the optimiser adds to the gradient (λw). The course's own models take <c>weightDecay</c> in their constructor, since it is part of the loss they report.</summary>
    public double WeightDecay { get; init; }

    /// <summary>TorchTrainer only: folder for <c>best.ckpt</c> (lowest validation loss) and <c>last.ckpt</c> (for resuming); null keeps the best weights in memory only.</summary>
    public string? CheckpointDirectory { get; init; }

    /// <summary>TorchTrainer only: where to train, "cpu", "cuda" or "cuda:N" (<c>TorchDevice.Parse</c>); null is <c>TorchDevice.Best</c>.</summary>
    /// <remarks>A name rather than TorchSharp's <c>Device</c>, so that the options the course's own trainer shares do not depend on TorchSharp.</remarks>
    public string? Device { get; init; }

    /// <summary>Refuses settings outside their domain, and those the named trainer cannot honour.</summary>
    internal void Validate(string trainer, params (bool Set, string Name, string Instead)[] unsupported)
    {
        if (Epochs < 1) throw new ArgumentOutOfRangeException(nameof(Epochs), Epochs, "Epochs must be at least 1.");
        if (Patience is < 1) throw new ArgumentOutOfRangeException(nameof(Patience), Patience, "Patience must be at least 1 epoch (or null for none).");
        if (BatchSize is < 1) throw new ArgumentOutOfRangeException(nameof(BatchSize), BatchSize, "BatchSize must be at least 1 (or null for the full batch).");
        if (TimeBudget is { } budget && budget < TimeSpan.Zero) throw new ArgumentOutOfRangeException(nameof(TimeBudget), budget, "TimeBudget must not be negative.");
        if (LearningRate is { } rate && !(double.IsFinite(rate) && rate >= 0)) throw new ArgumentOutOfRangeException(nameof(LearningRate), rate, "LearningRate must be finite and ≥ 0.");
        if (Momentum is { } momentum && !(momentum >= 0 && momentum < 1)) throw new ArgumentOutOfRangeException(nameof(Momentum), momentum, "Momentum must be in [0, 1).");
        Numerics.L2Penalty.CheckWeightDecay(WeightDecay, nameof(WeightDecay));
        foreach (var (set, name, instead) in unsupported)
            if (set) throw new ArgumentException($"{trainer} does not take TrainingOptions.{name}: {instead}");
    }
}
