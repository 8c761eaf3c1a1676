using System.Diagnostics;
using DlCourse.Optimization;
using TorchSharp;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace DlCourse.Torch;

/// <summary>
/// Trains a TorchSharp classifier with cross-entropy: seeded epochs, Adam or SGD on a schedule, validation after each
/// epoch, the best-validation-loss weights kept (and checkpointed), early stopping, a time budget and cancellation.
/// Every step runs in its own dispose scope, so native memory stays flat however long it trains.
/// </summary>
public sealed class TorchTrainer : IDisposable
{
    public const string BestFile = "best.ckpt";
    public const string LastFile = "last.ckpt";
    private const double DefaultLearningRate = 1e-3;

    private readonly OptimizerHelper optimizer;
    private byte[]? bestWeights;

    /// <summary>Moves <paramref name="model"/> to the device and builds the optimiser over the parameters that require gradients now (freeze first).</summary>
    public TorchTrainer(nn.Module<Tensor, Tensor> model, TrainingOptions? options = null)
    {
        Options = options ?? new TrainingOptions();
        Options.Validate(nameof(TorchTrainer),
            (Options.BatchSize is not null || !Options.Shuffle, "BatchSize or Shuffle", "the ImageBatches you train on set their size and shuffling."),
            (Options.RecordSteps || Options.RecordTrajectory, "RecordSteps or RecordTrajectory", "a network's parameters are too many to record per step."));
        Device = Options.Device is { } name ? TorchDevice.Parse(name) : TorchDevice.Best;
        Model = model;
        Model.to(Device);
        var trainable = Model.parameters().Where(p => p.requires_grad).ToList();
        if (trainable.Count == 0) throw new ArgumentException("The model has no trainable parameters (is everything frozen?).");
        var rate = Options.LearningRate ?? DefaultLearningRate;
        optimizer = (Options.Optimizer ?? OptimizerKind.Adam) switch
        {
            OptimizerKind.Adam => optim.Adam(trainable, rate, weight_decay: Options.WeightDecay),
            OptimizerKind.Sgd => optim.SGD(trainable, rate, momentum: Options.Momentum ?? 0.9, weight_decay: Options.WeightDecay),
            var kind => throw new ArgumentOutOfRangeException(nameof(options), kind, "unknown optimizer"),
        };
        // Drawn after the model's initialisation, so that TorchDevice.Seed alone fixes the whole run, as in PyTorch.
        var seed = Options.Seed ?? (int)randint(int.MaxValue, [1]).item<long>();
        History = new TrainingHistory { Device = TorchDevice.Describe(Device), Seed = seed };
    }

    public nn.Module<Tensor, Tensor> Model { get; }
    public TrainingOptions Options { get; }
    public Device Device { get; }

    /// <summary>All epochs trained so far, including those restored by <see cref="Resume"/>.</summary>
    public TrainingHistory History { get; private set; }

    /// <summary>Continues from a checkpoint written by a trainer with the same model and options: weights, optimiser state and history.</summary>
    public void Resume(string checkpointPath)
    {
        var info = Checkpoint.Load(checkpointPath, Model, optimizer);
        Model.to(Device);
        History = info.History;
        History.Device = TorchDevice.Describe(Device);
        History.StopReason = StopReason.Completed;
        bestWeights = History.BestEpoch == History.LastEpoch ? SaveWeights() : null;
    }

    /// <summary>Trains up to <see cref="TrainingOptions.Epochs"/> epochs in all (continuing after <see cref="Resume"/>) and returns the history.</summary>
    public TrainingHistory Fit(ImageBatches train, ImageBatches? validation = null, string name = "", CancellationToken cancellation = default)
    {
        var clock = Stopwatch.StartNew();
        var progress = Options.Progress ?? (e => Console.WriteLine(e));
        if (name.Length > 0) History.Name = name;
        History.StopReason = StopReason.Completed;
        for (var epoch = History.LastEpoch + 1; epoch <= Options.Epochs; epoch++)
        {
            if (History.StopBefore(Options, clock.Elapsed) is { } reason)
            {
                History.StopReason = reason;
                break;
            }

            var started = Stopwatch.GetTimestamp();
            var lr = Options.Schedule?.Invoke(epoch) ?? Options.LearningRate ?? DefaultLearningRate;
            foreach (var group in optimizer.ParamGroups) group.LearningRate = lr;
            var trained = TrainEpoch(train, epoch - 1, cancellation);
            if (trained is null)
            {
                History.StopReason = StopReason.Cancelled;
                break;
            }
            var (trainLoss, trainAccuracy) = trained.Value;
            var (validationLoss, validationAccuracy) = validation is null ? (double.NaN, double.NaN) : Validate(validation);
            var result = History.Append(epoch, trainLoss, trainAccuracy, validationLoss, validationAccuracy, lr,
                Stopwatch.GetElapsedTime(started).TotalSeconds);
            if (result.IsBest)
            {
                bestWeights = SaveWeights();
                if (Options.CheckpointDirectory is { } folder) Checkpoint.Save(Path.Combine(folder, BestFile), Model, optimizer, History);
            }
            if (Options.CheckpointDirectory is { } dir) Checkpoint.Save(Path.Combine(dir, LastFile), Model, optimizer, History);
            progress(result);
        }
        if (Options.RestoreBest && History.HasValidation && History.BestEpoch is { } best && best != History.LastEpoch) RestoreBestWeights();
        return History;
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
        manual_seed(Seeds.For(History.Seed, epoch));
        double lossSum = 0;
        long correct = 0, count = 0;
        foreach (var batch in train.Epoch(epoch, History.Seed))
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
