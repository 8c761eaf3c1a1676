using DlCourse.Data;
using DlCourse.Metrics;
using DlCourse.Models;

namespace DlCourse.Optimization;

/// <summary>
/// Softmax regressions trained alike, one per L2 strength λ, each step taken by a given update rule
/// <c>step(model, η, λ)</c>; their histories, validation accuracy and weight norm.
/// </summary>
public sealed class WeightDecaySweep
{
    private readonly SoftmaxRegression[] models;

    private WeightDecaySweep(double[] lambdas, SoftmaxRegression[] models, TrainingHistory[] histories)
    {
        Lambdas = lambdas;
        this.models = models;
        Histories = histories;
        ValidationAccuracy = histories.Select(h => h.ValidationAccuracy[^1]).ToArray();
        Norms = models.Select(m => m.WeightNorm).ToArray();
    }

    /// <summary>
    /// Trains a zero-initialised <see cref="SoftmaxRegression"/> for each λ with the same options (the same seed, so only λ
    /// differs), stepping with <paramref name="step"/> at base rate <paramref name="learningRate"/>.
    /// </summary>
    public static WeightDecaySweep Run(IReadOnlyList<double> lambdas, Action<SoftmaxClassifier, double, double> step,
        double learningRate, Dataset train, Dataset validation, TrainingOptions options)
    {
        ArgumentNullException.ThrowIfNull(lambdas);
        ArgumentNullException.ThrowIfNull(step);
        ArgumentNullException.ThrowIfNull(train);
        ArgumentNullException.ThrowIfNull(validation);
        ArgumentNullException.ThrowIfNull(options);
        if (lambdas.Count == 0) throw new ArgumentException("Give at least one λ to train with.", nameof(lambdas));
        if (lambdas.Any(l => !(l >= 0) || double.IsInfinity(l)))
            throw new ArgumentOutOfRangeException(nameof(lambdas), "Every λ must be a finite number ≥ 0.");
        var models = new SoftmaxRegression[lambdas.Count];
        var histories = new TrainingHistory[lambdas.Count];
        for (int i = 0; i < lambdas.Count; i++)
        {
            double lambda = lambdas[i];
            // The step adds the penalty's part, so the model itself gives only the data gradient (no weight decay of its own).
            var model = new SoftmaxRegression(train.FeatureCount, train.ClassCount);
            var rule = new StepRule($"your step, λ = {lambda}", learningRate, (eta, _) => step(model, eta, lambda));
            histories[i] = Trainer.Fit(model, rule, train, validation, options, name: $"λ = {lambda}");
            models[i] = model;
        }
        return new WeightDecaySweep([.. lambdas], models, histories);
    }

    public IReadOnlyList<double> Lambdas { get; }

    public IReadOnlyList<TrainingHistory> Histories { get; }

    /// <summary>The validation accuracy after the last epoch, one per λ.</summary>
    public IReadOnlyList<double> ValidationAccuracy { get; }

    /// <summary>The Frobenius norm ‖W‖ of the trained weights, one per λ.</summary>
    public IReadOnlyList<double> Norms { get; }

    /// <summary>The model trained with <paramref name="lambda"/>, which must be one of <see cref="Lambdas"/>.</summary>
    public SoftmaxRegression Model(double lambda)
    {
        int i = Lambdas.ToList().IndexOf(lambda);
        if (i < 0) throw new ArgumentException($"λ = {lambda} was not trained; the sweep has λ = {string.Join(", ", Lambdas)}.", nameof(lambda));
        return models[i];
    }

    /// <summary>The mean <see cref="ImageRoughness"/> of the class weight images (<paramref name="height"/> × <paramref name="width"/>) of the model trained with <paramref name="lambda"/>.</summary>
    public double Roughness(double lambda, int height, int width)
    {
        var model = Model(lambda);
        return Enumerable.Range(0, model.ClassCount).Average(k => ImageRoughness.Of(model.Weights(k), height, width));
    }

    /// <summary>One line per λ: its validation accuracy and ‖W‖.</summary>
    public override string ToString() => string.Join(Environment.NewLine,
        Lambdas.Select((l, i) => $"λ = {l,-7} validation accuracy {ValidationAccuracy[i]:P2}   ‖W‖ = {Norms[i],8:F3}"));
}
