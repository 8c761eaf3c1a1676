using DlCourse.Data;
using DlCourse.Numerics;

namespace DlCourse.Models;

/// <summary>
/// A model whose gradient is a function written in a notebook, so that the trainer trains that function's answer:
/// <c>Trainer.Fit(model.WithGradient(LogisticGradient), …)</c>. It is a view of the model: the same parameters, and the
/// model's own loss and accuracy.
/// </summary>
public sealed class CustomGradient<TModel> : Model where TModel : Model
{
    private readonly Func<TModel, Dataset, int[], float[]> gradient;

    public CustomGradient(TModel model, Func<TModel, Dataset, int[], float[]> gradient) : base(model)
    {
        Model = model;
        this.gradient = gradient ?? throw new ArgumentNullException(nameof(gradient));
    }

    /// <summary>The model whose parameters are trained.</summary>
    public TModel Model { get; }

    /// <summary>The model's loss on <paramref name="rows"/>; the gradient is the function's.</summary>
    protected override double Backward(Dataset data, int[] rows)
    {
        double loss = Model.Loss(data, rows);
        var g = gradient(Model, data, rows);
        if (g is null || g.Length != Gradient.Length)
            throw new ArgumentException($"the gradient function returned {(g is null ? "null" : $"{g.Length} entries")}; the model has {Gradient.Length} parameters.");
        g.CopyTo(Gradient, 0);
        return loss;
    }

    public override double Loss(Dataset data) => Model.Loss(data);

    public override double Loss(Dataset data, int[] rows) => Model.Loss(data, rows);

    public override double Accuracy(Dataset data) => Model.Accuracy(data);
}

/// <summary>Builds <see cref="CustomGradient{TModel}"/>.</summary>
public static class CustomGradient
{
    /// <summary>This model, trained with <paramref name="gradient"/>(model, data, rows) in place of its own gradient.</summary>
    public static CustomGradient<TModel> WithGradient<TModel>(this TModel model, Func<TModel, Dataset, int[], float[]> gradient)
        where TModel : Model => new(model, gradient);

    /// <summary>
    /// This model, trained full batch with <paramref name="gradient"/>(θ, data): the gradient of the loss over all of
    /// the data as a function of the parameters, in doubles as <see cref="ModelFunctions"/> gives it.
    /// </summary>
    public static CustomGradient<TModel> WithGradient<TModel>(this TModel model, Func<double[], Dataset, double[]> gradient)
        where TModel : Model
    {
        ArgumentNullException.ThrowIfNull(gradient);
        return new(model, (m, data, rows) => rows.Length != data.Count
            ? throw new InvalidOperationException($"this gradient is of the loss over the whole data set, but the trainer asked for a batch of {rows.Length} of its {data.Count} rows; train full batch (leave BatchSize unset).")
            : gradient(ModelFunctions.ParametersOf(m), data) is { } g ? VectorKernels.ToSingle(g) : null!);
    }
}
