using System.Diagnostics;
using DlCourse.Data;
using DlCourse.Models;

namespace DlCourse.Optimization;

/// <summary>
/// The course's training loop for any <see cref="Model"/>: epochs of (shuffled) mini-batches, an optimizer step per
/// batch, a history row per epoch (row 0 the model before training). <c>TorchTrainer</c> runs the same loop for
/// TorchSharp modules, with the same options and history.
/// </summary>
public static class Trainer
{
    public const string BestFile = "best.params";
    public const string LastFile = "last.params";

    public static TrainingHistory Fit(Model model, IOptimizer optimizer, Dataset train, Dataset? validation = null,
        TrainingOptions? options = null, string name = "")
    {
        ArgumentNullException.ThrowIfNull(model);
        ArgumentNullException.ThrowIfNull(optimizer);
        options ??= new TrainingOptions();
        options.Validate();
        if (options.Device is { } device && !device.Equals("cpu", StringComparison.OrdinalIgnoreCase))
            throw new ArgumentException($"Models written with Model train on the CPU; TrainingOptions.Device is \"{device}\" (leave it unset or \"cpu\").");
        var seed = options.Seed ?? 0;
        var history = new TrainingHistory { Name = name, Seed = seed, Device = $"cpu ({Environment.ProcessorCount} cores)" };
        var random = new Random(seed);
        int batchSize = Math.Min(options.BatchSize ?? train.Count, train.Count);
        float[]? bestParameters = null;
        var clock = Stopwatch.StartNew();
        long examples = 0;

        Record(0, 0);
        if (options.RecordSteps || options.RecordTrajectory) history.Trajectory.Add(model.Parameters.ToArray());

        for (int epoch = 1; epoch <= options.Epochs; epoch++)
        {
            if (history.StopBefore(options, clock.Elapsed) is { } reason)
            {
                history.StopReason = reason;
                break;
            }
            var started = Stopwatch.GetTimestamp();
            if (options.Schedule is { } schedule) optimizer.LearningRate = schedule(epoch);
            foreach (var batch in MiniBatches.Of(train.Count, batchSize, options.Shuffle ? random : null))
            {
                double loss = model.LossAndGradient(train, batch);
                optimizer.Step(model.Parameters, model.Gradient);
                examples += batch.Length;
                if (options.RecordSteps)
                {
                    history.StepLoss.Add(loss);
                    history.StepExamples.Add(examples);
                    history.Trajectory.Add(model.Parameters.ToArray());
                }
            }
            if (options.RecordTrajectory && !options.RecordSteps) history.Trajectory.Add(model.Parameters.ToArray());
            Record(epoch, Stopwatch.GetElapsedTime(started).TotalSeconds);
        }
        if (options.RestoreBest && bestParameters is not null) bestParameters.CopyTo(model.Parameters, 0);
        return history;

        void Record(int epoch, double seconds)
        {
            var (validationLoss, validationAccuracy) = validation is null
                ? (double.NaN, double.NaN)
                : (model.Loss(validation), model.Accuracy(validation));
            var result = history.Append(epoch, model.Loss(train), model.Accuracy(train), validationLoss, validationAccuracy,
                optimizer.LearningRate, seconds);
            if (result.IsBest && validation is not null) bestParameters = model.Parameters.ToArray();
            if (options.CheckpointDirectory is { } folder)
            {
                if (result.IsBest) ParameterCheckpoint.Save(Path.Combine(folder, BestFile), model, history);
                ParameterCheckpoint.Save(Path.Combine(folder, LastFile), model, history);
            }
            options.Progress?.Invoke(result);
        }
    }
}
