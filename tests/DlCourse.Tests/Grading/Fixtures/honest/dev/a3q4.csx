using DlCourse.Optimization;

Trial Evaluate(int number, Setting s, Dataset train, Dataset validation)
{
    var (batch, rate, epochs, decay) = (s.BatchSize, s.LearningRate, s.Epochs, s.WeightDecay);
    var model = new SoftmaxRegression(784, 10, weightDecay: decay);
    var history = Trainer.Fit(model, new GradientDescent(rate), train, validation,
        new TrainingOptions { Epochs = epochs, BatchSize = batch, Seed = 1 });
    Console.Write($"trial {number}: accuracy {history.ValidationAccuracy[^1]:P1}{Environment.NewLine}");
    return new Trial(number, batch, rate, epochs, decay, history.ValidationAccuracy[^1], history.ValidationLoss[^1]);
}
