using System.Text.Json.Serialization;

namespace DlCourse.Optimization;

/// <summary>
/// What happened during a run, epoch by epoch, with its best epoch and why it stopped. Both trainers return it and every
/// training chart takes it; both record the steps when asked.
/// </summary>
public sealed class TrainingHistory
{
    /// <summary>How checkpoints write a history: a row's unmeasured values are NaN, which plain JSON numbers cannot hold.</summary>
    internal static readonly System.Text.Json.JsonSerializerOptions Json = new() { NumberHandling = JsonNumberHandling.AllowNamedFloatingPointLiterals };

    public string Name { get; set; } = "";

    /// <summary>One row per epoch: row 0 is the model before its first step, row t the model after epoch t (both trainers).</summary>
    public List<EpochResult> Epochs { get; init; } = [];

    /// <summary>The rows of the epochs trained (1, 2, …), without row 0.</summary>
    [JsonIgnore] public IReadOnlyList<EpochResult> Trained => Epochs.Where(e => e.Epoch > 0).ToList();

    public StopReason StopReason { get; set; } = StopReason.Completed;

    /// <summary>The run's seed, after a null <see cref="TrainingOptions.Seed"/> was resolved (a resumed run reuses it).</summary>
    public int Seed { get; set; }

    /// <summary>Where it trained, e.g. "cpu (libtorch 2.10.0, 2 threads, 2 cores)".</summary>
    public string Device { get; set; } = "";

    /// <summary>Mini-batch loss of every step (when <see cref="TrainingOptions.RecordSteps"/> is set).</summary>
    [JsonIgnore] public List<double> StepLoss { get; } = [];

    /// <summary>The mini-batch losses of <see cref="StepLoss"/> cut into one array per trained epoch (every epoch of a run takes
    /// as many steps); empty when no steps were recorded.</summary>
    [JsonIgnore] public IReadOnlyList<double[]> StepLossByEpoch
    {
        get
        {
            if (StepLoss.Count == 0) return [];
            int epochs = Trained.Count;
            if (epochs == 0 || StepLoss.Count % epochs != 0)
                throw new InvalidOperationException($"{StepLoss.Count} recorded steps do not divide evenly over {epochs} trained epochs; record the steps of every epoch (RecordSteps) in one run.");
            return StepLoss.Chunk(StepLoss.Count / epochs).ToList();
        }
    }

    /// <summary>Examples whose gradient had been evaluated after each recorded step, for comparing SGD with batch GD per gradient evaluation.</summary>
    [JsonIgnore] public List<long> StepExamples { get; } = [];

    /// <summary>Parameter snapshots: the start, then after every step (RecordSteps) or every epoch (RecordTrajectory).</summary>
    [JsonIgnore] public List<float[]> Trajectory { get; } = [];

    [JsonIgnore] public bool HasValidation => Epochs.Any(e => !double.IsNaN(e.ValidationLoss));

    [JsonIgnore] public IReadOnlyList<double> TrainLoss => Series(e => e.TrainLoss);
    [JsonIgnore] public IReadOnlyList<double> TrainAccuracy => Series(e => e.TrainAccuracy);
    /// <summary>Empty without a validation set, like <see cref="ValidationAccuracy"/>.</summary>
    [JsonIgnore] public IReadOnlyList<double> ValidationLoss => HasValidation ? Series(e => e.ValidationLoss) : [];
    [JsonIgnore] public IReadOnlyList<double> ValidationAccuracy => HasValidation ? Series(e => e.ValidationAccuracy) : [];
    [JsonIgnore] public IReadOnlyList<double> LearningRates => Series(e => e.LearningRate);
    [JsonIgnore] public IReadOnlyList<double> EpochNumbers => Series(e => e.Epoch);

    /// <summary>The epoch with the lowest validation loss (training loss without validation), the first if tied; null before any finite loss.</summary>
    [JsonIgnore] public EpochResult? Best => FindBest().Epoch;

    [JsonIgnore] public int? BestEpoch => Best?.Epoch;

    /// <summary>The best epoch's validation loss (training loss without validation); ∞ before any.</summary>
    [JsonIgnore] public double BestLoss => FindBest().Loss;

    /// <summary>The epochs trained after the best one (none when the last is the best): a validation loss that rose over them is over-fitting.</summary>
    [JsonIgnore] public IReadOnlyList<EpochResult> EpochsAfterBest => BestEpoch is { } best ? Epochs.Where(e => e.Epoch > best).ToList() : [];

    /// <summary>The last epoch trained (0 before any).</summary>
    [JsonIgnore] public int LastEpoch => Epochs.Count == 0 ? 0 : Epochs[^1].Epoch;

    /// <summary>The epoch where early stopping ended training, or null when it did not.</summary>
    [JsonIgnore] public int? StoppedEpoch => StopReason == StopReason.EarlyStopping ? LastEpoch : null;

    [JsonIgnore] public double FinalTrainLoss => Epochs[^1].TrainLoss;
    [JsonIgnore] public double TotalSeconds => Epochs.Sum(e => e.Seconds);
    [JsonIgnore] public double SecondsPerEpoch => Trained.Count == 0 ? double.NaN : Trained.Average(e => e.Seconds);

    /// <summary>The first epoch whose training loss is at most <paramref name="loss"/> (0: before training), or null when none is.</summary>
    public int? FirstEpochReaching(double loss) => Epochs.FirstOrDefault(e => e.TrainLoss <= loss)?.Epoch;

    /// <summary>The parameters before training and at the end of every epoch: <see cref="Trajectory"/> itself under RecordTrajectory,
    /// every k-th snapshot under RecordSteps when every epoch took k steps.</summary>
    public IReadOnlyList<float[]> EpochTrajectory()
    {
        if (Trajectory.Count == 0) throw new InvalidOperationException($"{Name}: no parameters were recorded; train with RecordTrajectory or RecordSteps.");
        int steps = Trajectory.Count - 1;
        if (LastEpoch == 0) return [Trajectory[0]];
        if (steps % LastEpoch != 0)
            throw new InvalidOperationException($"{Name}: {steps} recorded steps do not split into {LastEpoch} epochs of equally many steps.");
        return Enumerable.Range(0, LastEpoch + 1).Select(e => Trajectory[e * (steps / LastEpoch)]).ToList();
    }

    /// <summary>The history of a loop written by hand: row 0 before training, then a row after each call of
    /// <paramref name="trainEpoch"/>(epoch), each with the training loss <paramref name="trainLoss"/>() returns.</summary>
    public static TrainingHistory OfLoop(string name, int epochs, Action<int> trainEpoch, Func<double> trainLoss)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(epochs);
        ArgumentNullException.ThrowIfNull(trainEpoch);
        ArgumentNullException.ThrowIfNull(trainLoss);
        var history = new TrainingHistory { Name = name ?? "" };
        for (int epoch = 0; epoch <= epochs; epoch++)
        {
            if (epoch > 0) trainEpoch(epoch);
            history.Add(epoch, trainLoss());
        }
        return history;
    }

    /// <summary>Adds a row for a loop written by hand (NaN: not measured), e.g. <c>history.Add(epoch, model.Loss(data))</c>.</summary>
    public void Add(int epoch, double trainLoss, double trainAccuracy = double.NaN, double validationLoss = double.NaN,
        double validationAccuracy = double.NaN, double learningRate = double.NaN) =>
        Append(epoch, trainLoss, trainAccuracy, validationLoss, validationAccuracy, learningRate, seconds: 0);

    /// <summary>Appends an epoch's row, marked best when <see cref="Best"/> is now that row: one rule for both trainers and hand-written loops.</summary>
    internal EpochResult Append(int epoch, double trainLoss, double trainAccuracy, double validationLoss, double validationAccuracy,
        double learningRate, double seconds)
    {
        var row = new EpochResult(epoch, trainLoss, trainAccuracy, validationLoss, validationAccuracy, learningRate, seconds, IsBest: false);
        Epochs.Add(row);
        if (ReferenceEquals(Best, row)) Epochs[^1] = row = row with { IsBest = true };
        return row;
    }

    /// <summary>Why the next epoch should not start (early stopping first, then the time budget), or null to go on.</summary>
    internal StopReason? StopBefore(TrainingOptions options, TimeSpan elapsed)
    {
        if (options.Patience is { } patience && BestEpoch is { } best && LastEpoch - best >= patience) return StopReason.EarlyStopping;
        // The first epoch a Fit trains always runs, so that there is something to report.
        if (options.TimeBudget is { } budget && LastEpoch > 0 && elapsed + TimeSpan.FromSeconds(Epochs[^1].Seconds) > budget) return StopReason.TimeBudget;
        return null;
    }

    private (EpochResult? Epoch, double Loss) FindBest()
    {
        var validated = HasValidation;
        (EpochResult? Epoch, double Loss) best = (null, double.PositiveInfinity);
        foreach (var e in Epochs)
            if ((validated ? e.ValidationLoss : e.TrainLoss) is var loss && loss < best.Loss) best = (e, loss);
        return best;
    }

    private double[] Series(Func<EpochResult, double> value) => Epochs.Select(value).ToArray();

    public override string ToString() =>
        $"{(Name.Length > 0 ? Name + ": " : "")}{LastEpoch} epochs{(Device.Length > 0 ? " on " + Device : "")}, train loss {TrainLoss.LastOrDefault(double.NaN):G4}" +
        (HasValidation ? $", validation loss {Epochs[^1].ValidationLoss:G4} ({Epochs[^1].ValidationAccuracy:P1})" : "") +
        (Best is { } b ? $"; best epoch {b.Epoch}" : "") +
        (StopReason != StopReason.Completed ? $"; stopped: {StopReason}" : "");
}
