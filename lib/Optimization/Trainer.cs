using DlCourse.Data;
using DlCourse.Models;

namespace DlCourse.Optimization;

/// <summary>The one training loop: epochs of (shuffled) mini-batches, an optimizer step per batch, history per epoch.</summary>
public static class Trainer
{
    [AnswerTo("a2q5")]
    public static TrainingHistory Fit(ITrainable model, IOptimizer optimizer, Dataset train, Dataset? validation = null,
        TrainingOptions? options = null, string name = "")
    {
        options ??= new TrainingOptions();
        var history = new TrainingHistory { Name = name };
        var random = new Random(options.Seed);
        var gradient = new float[model.Parameters.Length];
        int batchSize = Math.Min(options.BatchSize ?? train.Count, train.Count);
        long examples = 0;

        Record(0);
        if (options.RecordSteps || options.RecordTrajectory) history.Trajectory.Add(model.Parameters.ToArray());

        for (int epoch = 1; epoch <= options.Epochs; epoch++)
        {
            if (options.Schedule is { } schedule) optimizer.LearningRate = schedule(epoch);
            foreach (var batch in MiniBatches.Of(train.Count, batchSize, options.Shuffle ? random : null))
            {
                double loss = model.LossAndGradient(train, batch.Length == train.Count && !options.Shuffle ? null : batch, gradient);
                optimizer.Step(model.Parameters, gradient);
                examples += batch.Length;
                if (options.RecordSteps)
                {
                    history.StepLoss.Add(loss);
                    history.StepExamples.Add(examples);
                    history.Trajectory.Add(model.Parameters.ToArray());
                }
            }
            if (options.RecordTrajectory && !options.RecordSteps) history.Trajectory.Add(model.Parameters.ToArray());
            Record(epoch);

            if (options.EarlyStopping is { } stopping && validation is not null &&
                stopping.Update(epoch, history.ValidationLoss[^1], model.Parameters))
            {
                history.StoppedEpoch = epoch;
                break;
            }
        }
        if (options.EarlyStopping?.BestParameters is { } best) best.CopyTo(model.Parameters, 0);
        return history;

        void Record(int epoch)
        {
            history.Epochs.Add(epoch);
            history.LearningRates.Add(optimizer.LearningRate);
            history.TrainLoss.Add(model.Loss(train));
            history.TrainAccuracy.Add(model.Accuracy(train) ?? double.NaN);
            if (validation is null) return;
            history.ValidationLoss.Add(model.Loss(validation));
            history.ValidationAccuracy.Add(model.Accuracy(validation) ?? double.NaN);
        }
    }
}
