using DlCourse.Data;

namespace DlCourse.Models;

/// <summary>A model that <see cref="Optimization.Trainer"/> can fit: a flat parameter vector, a loss and its gradient.</summary>
public interface ITrainable
{
    /// <summary>Every parameter in one vector, updated in place by optimizers (the layout is documented by each model).</summary>
    float[] Parameters { get; }

    /// <summary>Mean loss over <paramref name="rows"/> (all rows when null) plus any penalty, and its gradient written into <paramref name="gradient"/>.</summary>
    double LossAndGradient(Dataset data, int[]? rows, Span<float> gradient);

    /// <summary>Mean loss over the whole data set plus any penalty.</summary>
    double Loss(Dataset data);

    /// <summary>Fraction of correctly classified rows, or null for a regression model.</summary>
    double? Accuracy(Dataset data);

    /// <summary>A copy of this model with <paramref name="parameters"/> in place of its own; this model is left as it is.</summary>
    ITrainable WithParameters(ReadOnlySpan<float> parameters);
}
