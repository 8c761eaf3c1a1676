using DlCourse.Data;

namespace DlCourse.Models;

/// <summary>
/// A model whose gradient is a function written in a notebook, so that the trainer trains that function's answer:
/// <c>Trainer.Fit(model.WithGradient(LogisticGradient), …)</c>. Parameters, loss and accuracy stay the model's own.
/// </summary>
public sealed class CustomGradient<TModel> : ITrainable where TModel : ITrainable
{
    private readonly Func<TModel, Dataset, int[], float[]> gradient;
    private int[] allRows = [];
    private float[] scratch = [];

    public CustomGradient(TModel model, Func<TModel, Dataset, int[], float[]> gradient)
    {
        ArgumentNullException.ThrowIfNull(model);
        Model = model;
        this.gradient = gradient ?? throw new ArgumentNullException(nameof(gradient));
    }

    /// <summary>The model whose parameters are trained.</summary>
    public TModel Model { get; }

    public float[] Parameters => Model.Parameters;

    /// <summary>The model's loss on <paramref name="rows"/>; the gradient written is the function's.</summary>
    public double LossAndGradient(Dataset data, int[]? rows, Span<float> destination)
    {
        if (rows is null && allRows.Length != data.Count) allRows = Enumerable.Range(0, data.Count).ToArray();
        var g = gradient(Model, data, rows ?? allRows);
        if (g is null || g.Length != destination.Length)
            throw new ArgumentException($"the gradient function returned {(g is null ? "null" : $"{g.Length} entries")}; the model has {destination.Length} parameters.");
        // The trainer records the batch loss; the model's own pass gives it (its gradient is discarded).
        if (scratch.Length != destination.Length) scratch = new float[destination.Length];
        var loss = Model.LossAndGradient(data, rows, scratch);
        g.CopyTo(destination);
        return loss;
    }

    public double Loss(Dataset data) => Model.Loss(data);

    public double? Accuracy(Dataset data) => Model.Accuracy(data);

    /// <summary>A copy of the model with <paramref name="parameters"/>, trained with the same gradient function.</summary>
    public ITrainable WithParameters(ReadOnlySpan<float> parameters) => new CustomGradient<TModel>((TModel)Model.WithParameters(parameters), gradient);
}

/// <summary>Builds <see cref="CustomGradient{TModel}"/>.</summary>
public static class CustomGradient
{
    /// <summary>This model, trained with <paramref name="gradient"/>(model, data, rows) in place of its own gradient.</summary>
    public static CustomGradient<TModel> WithGradient<TModel>(this TModel model, Func<TModel, Dataset, int[], float[]> gradient)
        where TModel : ITrainable => new(model, gradient);

    /// <summary>
    /// This model, trained full batch with <paramref name="gradient"/>(θ, data): the gradient of the loss over all of
    /// the data as a function of the parameters, in doubles as <see cref="ModelFunctions"/> gives it.
    /// </summary>
    public static CustomGradient<TModel> WithGradient<TModel>(this TModel model, Func<double[], Dataset, double[]> gradient)
        where TModel : ITrainable
    {
        ArgumentNullException.ThrowIfNull(gradient);
        return new(model, (m, data, rows) => rows.Length != data.Count
            ? throw new InvalidOperationException($"this gradient is of the loss over the whole data set, but the trainer asked for a batch of {rows.Length} of its {data.Count} rows; train full batch (leave BatchSize unset).")
            : gradient(ModelFunctions.ParametersOf(m), data) is { } g ? VectorKernels.ToSingle(g) : null!);
    }
}
