using System.Diagnostics;
using TorchSharp;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace DlCourse.Torch;

/// <summary>
/// Trains a classifier with cross-entropy: seeded epochs, Adam or SGD on a schedule, validation after each epoch,
/// the best-validation-loss weights kept (and checkpointed), early stopping, a time budget and cancellation.
/// Every step runs in its own dispose scope, so native memory stays flat however long it trains.
/// </summary>
public sealed class Trainer : IDisposable
{
    public const string BestFile = "best.ckpt";
    public const string LastFile = "last.ckpt";

    private readonly OptimizerHelper optimizer;
    private byte[]? bestWeights;

    /// <summary>Moves <paramref name="model"/> to the device and builds the optimiser over the parameters that require gradients now (freeze first).</summary>
    public Trainer(nn.Module<Tensor, Tensor> model, TrainerOptions? options = null)
    {
        Options = options ?? new TrainerOptions();
        if (Options.Epochs < 1) throw new ArgumentOutOfRangeException(nameof(options), Options.Epochs, "Epochs must be at least 1.");
        if (Options.Patience < 1) throw new ArgumentOutOfRangeException(nameof(options), Options.Patience, "Patience must be at least 1 epoch (or null for none).");
        Device = Options.Device ?? TorchDevice.Best;
        Model = model;
        Model.to(Device);
        var trainable = Model.parameters().Where(p => p.requires_grad).ToList();
        if (trainable.Count == 0) throw new ArgumentException("The model has no trainable parameters (is everything frozen?).");
        optimizer = Options.Optimizer switch
        {
            OptimizerKind.Adam => optim.Adam(trainable, Options.LearningRate, weight_decay: Options.WeightDecay),
            OptimizerKind.Sgd => optim.SGD(trainable, Options.LearningRate, momentum: Options.Momentum, weight_decay: Options.WeightDecay),
            _ => throw new ArgumentOutOfRangeException(nameof(options), Options.Optimizer, "unknown optimizer"),
        };
        Log = new TrainingLog { Device = TorchDevice.Describe(Device) };
    }

    public nn.Module<Tensor, Tensor> Model { get; }
    public TrainerOptions Options { get; }
    public Device Device { get; }

    /// <summary>All epochs trained so far, including those restored by <see cref="Resume"/>.</summary>
    public TrainingLog Log { get; private set; }

    /// <summary>Continues from a checkpoint written by a trainer with the same model and options: weights, optimiser state and log.</summary>
    public void Resume(string checkpointPath)
    {
        var info = Checkpoint.Load(checkpointPath, Model, optimizer);
        Model.to(Device);
        Log = info.Log;
        Log.Device = TorchDevice.Describe(Device);
        Log.StopReason = StopReason.Completed;
        bestWeights = Log.BestEpoch == Log.Epochs.Count ? SaveWeights() : null;
    }

    /// <summary>Trains up to <see cref="TrainerOptions.Epochs"/> epochs in all (continuing after <see cref="Resume"/>) and returns the log.</summary>
    public TrainingLog Fit(ImageBatches train, ImageBatches? validation = null, CancellationToken cancellation = default)
    {
        var clock = Stopwatch.StartNew();
        Log.StopReason = StopReason.Completed;
        for (var epoch = Log.Epochs.Count; epoch < Options.Epochs; epoch++)
        {
            var last = Log.Epochs.LastOrDefault();
            if (Options.TimeBudget is { } budget && last is not null && clock.Elapsed.TotalSeconds + last.Seconds > budget.TotalSeconds)
            {
                Log.StopReason = StopReason.TimeBudget;
                break;
            }
            if (Options.Patience is { } patience && Log.Epochs.Count - Log.BestEpoch >= patience && Log.BestEpoch > 0)
            {
                Log.StopReason = StopReason.EarlyStopping;
                break;
            }

            var started = Stopwatch.GetTimestamp();
            var lr = Options.Schedule?.Invoke(epoch + 1) ?? Options.LearningRate;
            foreach (var group in optimizer.ParamGroups) group.LearningRate = lr;
            var trained = TrainEpoch(train, epoch, cancellation);
            if (trained is null)
            {
                Log.StopReason = StopReason.Cancelled;
                break;
            }
            var (trainLoss, trainAccuracy) = trained.Value;
            var (validationLoss, validationAccuracy) = validation is null ? (double.NaN, double.NaN) : Validate(validation);
            var monitored = validation is null ? trainLoss : validationLoss;
            var isBest = monitored < Log.BestLoss;
            var result = new EpochResult(epoch + 1, trainLoss, trainAccuracy, validationLoss, validationAccuracy, lr,
                Stopwatch.GetElapsedTime(started).TotalSeconds, isBest);
            Log.Epochs.Add(result);
            if (isBest)
            {
                Log.BestEpoch = epoch + 1;
                Log.BestLoss = monitored;
                bestWeights = SaveWeights();
                if (Options.CheckpointDirectory is { } folder) Checkpoint.Save(Path.Combine(folder, BestFile), Model, optimizer, Log);
            }
            if (Options.CheckpointDirectory is { } dir) Checkpoint.Save(Path.Combine(dir, LastFile), Model, optimizer, Log);
            Options.Progress?.Invoke(result);
        }
        if (Options.RestoreBest && Log.BestEpoch > 0 && Log.BestEpoch != Log.Epochs.Count) RestoreBestWeights();
        return Log;
    }

    private void RestoreBestWeights()
    {
        if (bestWeights is not null) LoadWeights(bestWeights);
        else if (Options.CheckpointDirectory is { } folder && File.Exists(Path.Combine(folder, BestFile)))
        {
            // Resumed from last.ckpt: the best epoch's weights are only on disk.
            Checkpoint.Load(Path.Combine(folder, BestFile), Model);
            Model.to(Device);
        }
    }

    /// <summary>Mean cross-entropy and accuracy on <paramref name="data"/> in evaluation mode (no dropout, running batch-norm statistics).</summary>
    public (double Loss, double Accuracy) Validate(ImageBatches data)
    {
        Model.eval();
        using var noGrad = no_grad();
        double lossSum = 0;
        long correct = 0, count = 0;
        foreach (var batch in data.With(shuffle: false, augmentation: Augmentation.None).Epoch())
            using (batch)
            using (NewDisposeScope())
            {
                var logits = Model.call(batch.Images);
                lossSum += nn.functional.cross_entropy(logits, batch.Labels, reduction: nn.Reduction.Sum).item<float>();
                correct += logits.argmax(1).eq(batch.Labels).sum().item<long>();
                count += batch.Count;
            }
        return (lossSum / count, (double)correct / count);
    }

    /// <summary>Predicted class of every image, in the data's stored order.</summary>
    public int[] Predict(ImageBatches data) => Inference.Predict(Model, data);

    /// <summary>Accuracy, macro F1 and confusion matrix on a test set, for <paramref name="classCount"/> classes (default: the model's head).</summary>
    public TestReport Evaluate(ImageBatches test, int? classCount = null) => TestReport.Of(Model, test, classCount);

    public void Dispose() => optimizer.Dispose();

    private (double Loss, double Accuracy)? TrainEpoch(ImageBatches train, int epoch, CancellationToken cancellation)
    {
        Model.train();
        // Seeding per epoch makes dropout repeat and lets a resumed run continue exactly.
        manual_seed(Seeds.For(Options.Seed, epoch));
        double lossSum = 0;
        long correct = 0, count = 0;
        foreach (var batch in train.Epoch(epoch))
            using (batch)
            using (NewDisposeScope())
            {
                if (cancellation.IsCancellationRequested) return null;
                optimizer.zero_grad();
                var logits = Model.call(batch.Images);
                var loss = nn.functional.cross_entropy(logits, batch.Labels);
                loss.backward();
                optimizer.step();
                lossSum += loss.item<float>() * batch.Count;
                correct += logits.argmax(1).eq(batch.Labels).sum().item<long>();
                count += batch.Count;
            }
        return (lossSum / count, (double)correct / count);
    }

    private byte[] SaveWeights()
    {
        using var memory = new MemoryStream();
        using (var writer = new BinaryWriter(memory, System.Text.Encoding.UTF8, leaveOpen: true)) Model.save(writer);
        return memory.ToArray();
    }

    private void LoadWeights(byte[] weights)
    {
        using var reader = new BinaryReader(new MemoryStream(weights));
        Model.load(reader);
        Model.to(Device);
    }
}
