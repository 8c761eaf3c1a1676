namespace DlCourse.Optimization;

/// <summary>
/// What happened during training, for plots: loss and accuracy per epoch (epoch 0 is before the first step), the
/// loss of every step when asked, and the parameter trajectory (one snapshot per step or per epoch).
/// </summary>
public sealed class TrainingHistory
{
    public string Name { get; set; } = "";
    public List<int> Epochs { get; } = [];
    public List<double> TrainLoss { get; } = [];
    public List<double> TrainAccuracy { get; } = [];
    public List<double> ValidationLoss { get; } = [];
    public List<double> ValidationAccuracy { get; } = [];
    public List<double> LearningRates { get; } = [];

    /// <summary>Mini-batch loss of every step (when <see cref="TrainingOptions.RecordSteps"/> is set).</summary>
    public List<double> StepLoss { get; } = [];

    /// <summary>Examples whose gradient had been evaluated after each recorded step, for comparing SGD with batch GD per gradient evaluation.</summary>
    public List<long> StepExamples { get; } = [];

    /// <summary>Parameter snapshots: the start, then after every step (RecordSteps) or every epoch (RecordTrajectory).</summary>
    public List<float[]> Trajectory { get; } = [];

    /// <summary>The epoch where early stopping ended training, or null when it ran every epoch.</summary>
    public int? StoppedEpoch { get; set; }

    /// <summary>The epoch with the lowest validation loss (when a validation set was given).</summary>
    public int? BestEpoch => ValidationLoss.Count == 0 ? null : Epochs[ValidationLoss.IndexOf(ValidationLoss.Min())];

    public bool HasValidation => ValidationLoss.Count > 0;

    public double FinalTrainLoss => TrainLoss[^1];

    public override string ToString() =>
        $"{(Name.Length > 0 ? Name + ": " : "")}{Epochs.Count - 1} epochs, train loss {TrainLoss[^1]:G4}" +
        (HasValidation ? $", validation loss {ValidationLoss[^1]:G4}" : "") +
        (ValidationAccuracy.Count > 0 && !double.IsNaN(ValidationAccuracy[^1]) ? $", validation accuracy {ValidationAccuracy[^1]:P1}" : "") +
        (StoppedEpoch is int s ? $", stopped early at epoch {s}" : "");
}
