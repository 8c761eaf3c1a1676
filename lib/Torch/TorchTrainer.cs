using System.Diagnostics;
using DlCourse.Optimization;
using Adam = DlCourse.Optimization.Adam; // TorchSharp.Modules has an Adam too
using TorchSharp;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace DlCourse.Torch;

/// <summary>
/// <see cref="Trainer"/>'s loop for a TorchSharp classifier with cross-entropy, with the same options and history:
/// seeded epochs, the course's optimizers run by TorchSharp on a schedule, validation after each epoch (row 0 before
/// the first), the best-validation-loss weights kept (and checkpointed), early stopping, a time budget and
/// cancellation. Every step runs in its own dispose scope, so native memory stays flat however long it trains.
/// </summary>
public sealed class TorchTrainer : IDisposable
{
    public const string BestFile = "best.ckpt";
    public const string LastFile = "last.ckpt";
    private readonly OptimizerHelper optimizer;
    private readonly double learningRate;
    private byte[]? bestWeights;

    /// <summary>
    /// Moves <paramref name="model"/> to the device and builds TorchSharp's version of <paramref name="optimizer"/> (null:
    /// <c>new Adam(1e-3)</c>) over the parameters that require gradients now (freeze first).
    /// </summary>
    public TorchTrainer(nn.Module<Tensor, Tensor> model, IOptimizer? optimizer = null, TrainingOptions? options = null)
    {
        Options = options ?? new TrainingOptions();
        Options.Validate();
        Device = Options.Device is { } name ? TorchDevice.Parse(name) : TorchDevice.Best;
        Model = model;
        Model.to(Device);
        var trainable = Model.parameters().Where(p => p.requires_grad).ToList();
        if (trainable.Count == 0) throw new ArgumentException("The model has no trainable parameters (is everything frozen?).");
        optimizer ??= new Adam();
        learningRate = optimizer.LearningRate;
        this.optimizer = TorchOptimizers.Create(optimizer, trainable);
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
        train = train.With(batchSize: Options.BatchSize, shuffle: Options.Shuffle);
        if (History.Epochs.Count == 0) Record(0, Validate(train), validation, learningRate, 0, progress);
        for (var epoch = History.LastEpoch + 1; epoch <= Options.Epochs; epoch++)
        {
            if (History.StopBefore(Options, clock.Elapsed) is { } reason)
            {
                History.StopReason = reason;
                break;
            }

            var started = Stopwatch.GetTimestamp();
            var lr = Options.Schedule?.Invoke(epoch) ?? learningRate;
            foreach (var group in optimizer.ParamGroups) group.LearningRate = lr;
            var trained = TrainEpoch(train, epoch - 1, cancellation);
            if (trained is null)
            {
                History.StopReason = StopReason.Cancelled;
                break;
            }
            if (Options.RecordTrajectory && !Options.RecordSteps) History.Trajectory.Add(FlatParameters());
            Record(epoch, trained.Value, validation, lr, Stopwatch.GetElapsedTime(started).TotalSeconds, progress);
        }
        if (Options.RestoreBest && History.HasValidation && History.BestEpoch is { } best && best != History.LastEpoch) RestoreBestWeights();
        return History;
    }

    /// <summary>Appends epoch <paramref name="epoch"/>'s row (0: the model before training), keeps and checkpoints the best weights, reports it.</summary>
    private void Record(int epoch, (double Loss, double Accuracy) train, ImageBatches? validation, double lr, double seconds, Action<EpochResult> progress)
    {
        var (validationLoss, validationAccuracy) = validation is null ? (double.NaN, double.NaN) : Validate(validation);
        var result = History.Append(epoch, train.Loss, train.Accuracy, validationLoss, validationAccuracy, lr, seconds);
        if (epoch == 0 && (Options.RecordSteps || Options.RecordTrajectory)) History.Trajectory.Add(FlatParameters());
        if (result.IsBest)
        {
            bestWeights = SaveWeights();
            if (Options.CheckpointDirectory is { } folder) Checkpoint.Save(Path.Combine(folder, BestFile), Model, optimizer, History);
        }
        if (Options.CheckpointDirectory is { } dir) Checkpoint.Save(Path.Combine(dir, LastFile), Model, optimizer, History);
        progress(result);
    }

    /// <summary>Every parameter of the model in one vector, in <c>parameters()</c> order, for the recorded trajectory.</summary>
    private float[] FlatParameters()
    {
        using var noGrad = no_grad();
        return Model.parameters().SelectMany(p => p.detach().cpu().data<float>().ToArray()).ToArray();
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
        long correct = 0, count = 0, examples = History.StepExamples.LastOrDefault();
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
                var batchLoss = loss.item<float>();
                lossSum += batchLoss * batch.Count;
                correct += logits.argmax(1).eq(batch.Labels).sum().item<long>();
                count += batch.Count;
                if (Options.RecordSteps)
                {
                    History.StepLoss.Add(batchLoss);
                    History.StepExamples.Add(examples += batch.Count);
                    History.Trajectory.Add(FlatParameters());
                }
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
