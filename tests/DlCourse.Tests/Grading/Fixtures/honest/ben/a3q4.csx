Trial Evaluate(int number, Setting s, Dataset train, Dataset validation)
{
    SoftmaxRegression Fresh() => new(784, 10, weightDecay: s.WeightDecay);
    var model = Fresh();
    var options = new TrainingOptions { Epochs = s.Epochs, BatchSize = s.BatchSize, Seed = 1 };
    var history = Trainer.Fit(model, new GradientDescent(s.LearningRate), train, validation, options);
    return new Trial(number, s.BatchSize, s.LearningRate, s.Epochs, s.WeightDecay,
        history.ValidationAccuracy.Last(), history.ValidationLoss.Last());
}
