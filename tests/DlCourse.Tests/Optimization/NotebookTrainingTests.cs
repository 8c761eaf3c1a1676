using DlCourse.Data;
using DlCourse.Models;
using DlCourse.Optimization;

namespace DlCourse.Tests.Optimization;

/// <summary>The trainer trains a gradient or an update rule written in a notebook, not the library's own.</summary>
public class NotebookTrainingTests
{
    private static readonly Dataset Data = Synthetic.TwoGaussians(30, seed: 3);
    private static readonly TrainingOptions Options = new() { Epochs = 8, BatchSize = 10, Seed = 2 };

    private static float[] LibraryGradient(LogisticRegression model, Dataset data, int[] rows)
    {
        var copy = new LogisticRegression(model.FeatureCount).Also(model.Parameters);
        copy.LossAndGradient(data, rows);
        return copy.Gradient;
    }

    [Fact]
    public void A_correct_gradient_function_trains_exactly_as_the_model_itself()
    {
        var own = new LogisticRegression(2);
        var expected = Trainer.Fit(own, new GradientDescent(0.3), Data, options: Options);
        var notebook = new LogisticRegression(2);
        var got = Trainer.Fit(notebook.WithGradient(LibraryGradient), new GradientDescent(0.3), Data, options: Options);
        Assert.Equal(own.Parameters, notebook.Parameters);
        Assert.Equal(expected.TrainLoss, got.TrainLoss);
    }

    [Fact]
    public void A_wrong_gradient_function_shows_in_the_curve()
    {
        var model = new LogisticRegression(2);
        var history = Trainer.Fit(model.WithGradient((m, d, rows) => LibraryGradient(m, d, rows).Select(v => -v).ToArray()),
            new GradientDescent(0.3), Data, options: Options);
        Assert.True(history.TrainLoss[^1] > history.TrainLoss[0], "ascending the loss must raise it");
    }

    [Fact]
    public void A_gradient_of_the_wrong_length_is_refused_with_the_counts()
    {
        var e = Assert.Throws<ArgumentException>(() => Trainer.Fit(new LogisticRegression(2).WithGradient((_, _, _) => new float[2]),
            new GradientDescent(0.1), Data, options: Options));
        Assert.Contains("2 entries", e.Message);
        Assert.Contains("3 parameters", e.Message);
    }

    [Fact]
    public void A_full_batch_gradient_in_doubles_trains_as_the_model_does_and_refuses_mini_batches()
    {
        var fullBatch = Options with { BatchSize = null };
        var own = new LogisticRegression(2);
        var expected = Trainer.Fit(own, new GradientDescent(0.3), Data, options: fullBatch);
        var notebook = new LogisticRegression(2);
        var got = Trainer.Fit(notebook.WithGradient((double[] theta, Dataset d) => ModelFunctions.Gradient(new LogisticRegression(2), d)(theta)),
            new GradientDescent(0.3), Data, options: fullBatch);
        // The float32 model gradient and its double-precision copy agree to rounding.
        for (int j = 0; j < 3; j++) Assert.Equal(own.Parameters[j], notebook.Parameters[j], 1e-5);
        Assert.Equal(expected.TrainLoss.Count, got.TrainLoss.Count);
        var e = Assert.Throws<InvalidOperationException>(() => Trainer.Fit(new LogisticRegression(2).WithGradient((double[] theta, Dataset d) => new double[3]),
            new GradientDescent(0.1), Data, options: Options));
        Assert.Contains("batch of 10 of its 60 rows", e.Message);
    }

    [Fact]
    public void A_step_rule_is_applied_as_written_and_counts_its_steps()
    {
        var steps = new List<int>();
        var rule = new StepRule("plain GD", 0.3, (theta, g, eta, t) =>
        {
            steps.Add(t);
            for (int j = 0; j < theta.Length; j++) theta[j] -= (float)(eta * g[j]);
        });
        var mine = new LogisticRegression(2);
        var library = new LogisticRegression(2);
        Trainer.Fit(mine, rule, Data, options: Options);
        Trainer.Fit(library, new GradientDescent(0.3), Data, options: Options);
        // GradientDescent multiplies in float32, the rule above in float64: the paths agree to rounding.
        for (int j = 0; j < 3; j++) Assert.Equal(library.Parameters[j], mine.Parameters[j], 1e-5);
        Assert.Equal(Enumerable.Range(1, 8 * 6), steps);
        Assert.Equal("plain GD (η=0.3)", rule.ToString());
    }

    [Fact]
    public void A_step_rule_that_updates_the_model_s_blocks_is_what_trains()
    {
        var mine = new LogisticRegression(2);
        var steps = 0;
        var rule = new StepRule("blocks", 0.3, (eta, t) =>
        {
            steps = t;
            for (int j = 0; j < mine.w.Count; j++) mine.w.Value[j] -= (float)(eta * mine.w.Grad[j]);
            mine.b.Value[0] -= (float)(eta * mine.b.Grad[0]);
        });
        var library = new LogisticRegression(2);
        Trainer.Fit(mine, rule, Data, options: Options);
        Trainer.Fit(library, new GradientDescent(0.3), Data, options: Options);
        for (int j = 0; j < 3; j++) Assert.Equal(library.Parameters[j], mine.Parameters[j], 1e-5);
        Assert.NotEqual(0f, mine.Parameters[0]);
        Assert.Equal(8 * 6, steps);
    }

    [Theory]
    [InlineData(0.0)]
    [InlineData(-1.0)]
    [InlineData(double.NaN)]
    public void A_step_rule_needs_a_positive_finite_rate(double eta) =>
        Assert.Throws<ArgumentOutOfRangeException>(() => new StepRule("x", eta, (_, _, _, _) => { }));
}

internal static class ModelCopy
{
    public static LogisticRegression Also(this LogisticRegression model, float[] parameters)
    {
        parameters.CopyTo(model.Parameters, 0);
        return model;
    }
}
