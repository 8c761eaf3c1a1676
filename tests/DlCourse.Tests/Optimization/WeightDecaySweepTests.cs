using DlCourse.Data;
using DlCourse.Models;
using DlCourse.Optimization;

namespace DlCourse.Tests.Optimization;

public class WeightDecaySweepTests
{
    private static readonly Dataset Train = Synthetic.ThreeGaussians(30, seed: 1);
    private static readonly Dataset Validation = Synthetic.ThreeGaussians(20, seed: 2);
    // The last epoch's parameters: restoring the best epoch would pick it by a validation loss that includes the
    // reference's penalty but not the sweep models' (their penalty is in the step).
    private static TrainingOptions Options => new() { Epochs = 4, BatchSize = 8, Seed = 3, RestoreBest = false };

    // Gradient descent on the penalised loss, written out: W ← W − η(G + λW), b ← b − η g_b.
    private static void PenalisedStep(SoftmaxClassifier model, double eta, double lambda)
    {
        for (int k = 0; k < model.W.Rows; k++)
            for (int j = 0; j < model.W.Columns; j++)
                model.W.Value[k, j] -= (float)(eta * (model.W.Grad[k, j] + lambda * model.W.Value[k, j]));
        for (int k = 0; k < model.b.Rows; k++) model.b.Value[k] -= (float)(eta * model.b.Grad[k]);
    }

    [Fact]
    public void Each_run_matches_gradient_descent_on_a_model_with_that_weight_decay()
    {
        double[] lambdas = [0, 0.1, 1];
        var sweep = WeightDecaySweep.Run(lambdas, PenalisedStep, 0.3, Train, Validation, Options);
        for (int i = 0; i < lambdas.Length; i++)
        {
            var reference = new SoftmaxRegression(2, 3, weightDecay: lambdas[i]);
            var history = Trainer.Fit(reference, new GradientDescent(0.3), Train, Validation, Options);
            Assert.True(Math.Abs(reference.WeightNorm - sweep.Norms[i]) < 1e-4, $"λ = {lambdas[i]}: {reference.WeightNorm} against {sweep.Norms[i]}");
            Assert.Equal(reference.WeightNorm, sweep.Model(lambdas[i]).WeightNorm, 4);
            Assert.Equal(history.ValidationAccuracy[^1], sweep.ValidationAccuracy[i], 6);
            Assert.Equal(Options.Epochs, sweep.Histories[i].LastEpoch);
        }
        Assert.True(sweep.Norms[0] > sweep.Norms[1] && sweep.Norms[1] > sweep.Norms[2]);
        var lines = sweep.ToString().Split(Environment.NewLine);
        Assert.Equal(3, lines.Length);
        Assert.StartsWith("λ = 0.1     validation accuracy ", lines[1]);
        Assert.EndsWith($"‖W‖ = {sweep.Norms[1],8:F3}", lines[1]);
    }

    [Fact]
    public void Roughness_is_the_mean_over_the_class_weight_images()
    {
        var sweep = WeightDecaySweep.Run([0, 1], PenalisedStep, 0.3, Train, Validation, Options);
        foreach (double lambda in new[] { 0.0, 1.0 })
        {
            // Each class's two weights as a 1 × 2 image: one neighbour difference over the mean absolute weight.
            var model = sweep.Model(lambda);
            double expected = Enumerable.Range(0, 3).Average(k =>
            {
                var (a, b) = ((double)model.W.Value[k, 0], (double)model.W.Value[k, 1]);
                return Math.Abs(b - a) / ((Math.Abs(a) + Math.Abs(b)) / 2);
            });
            Assert.Equal(expected, sweep.Roughness(lambda, 1, 2), 6);
            Assert.Equal(expected, sweep.Roughness(lambda, 2, 1), 6);
        }
        Assert.Throws<ArgumentException>(() => sweep.Roughness(0.5, 1, 2));   // not trained
        Assert.Throws<ArgumentException>(() => sweep.Roughness(0, 2, 2));     // 4 pixels, not 2
    }

    [Fact]
    public void Arguments_are_validated()
    {
        Assert.Throws<ArgumentException>(() => WeightDecaySweep.Run([], PenalisedStep, 0.3, Train, Validation, Options));
        Assert.Throws<ArgumentOutOfRangeException>(() => WeightDecaySweep.Run([0, -1], PenalisedStep, 0.3, Train, Validation, Options));
        Assert.Throws<ArgumentNullException>(() => WeightDecaySweep.Run([0], null!, 0.3, Train, Validation, Options));
        var sweep = WeightDecaySweep.Run([0], PenalisedStep, 0.3, Train, Validation, new TrainingOptions { Epochs = 1, Seed = 1 });
        var error = Assert.Throws<ArgumentException>(() => sweep.Model(0.5));
        Assert.Contains("λ = 0.5 was not trained", error.Message);
    }
}
