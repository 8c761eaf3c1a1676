namespace DlCourse.Optimization;

/// <summary>How <see cref="Trainer.Fit"/> runs: epochs, batch size (null = full batch, 1 = stochastic), shuffling, seed, schedule, early stopping, recording.</summary>
public sealed record TrainingOptions
{
    public int Epochs { get; init; } = 10;

    /// <summary>Examples per gradient step: null uses the whole training set (batch gradient descent), 1 is stochastic.</summary>
    public int? BatchSize { get; init; }

    /// <summary>Draw a fresh random order every epoch (from <see cref="Seed"/>); false keeps the data's order.</summary>
    public bool Shuffle { get; init; } = true;

    public int Seed { get; init; }

    /// <summary>Sets the optimizer's learning rate before each epoch; null leaves it alone.</summary>
    public LearningRateSchedule? Schedule { get; init; }

    /// <summary>Stops on the validation loss; the model keeps its best parameters when it stops or ends.</summary>
    public EarlyStopping? EarlyStopping { get; init; }

    /// <summary>Record the loss and the parameters after every step (costly for big models).</summary>
    public bool RecordSteps { get; init; }

    /// <summary>Record the parameters after every epoch.</summary>
    public bool RecordTrajectory { get; init; }
}
