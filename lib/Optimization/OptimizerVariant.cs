using DlCourse.Data;
using DlCourse.Models;

namespace DlCourse.Optimization;

/// <summary>One optimizer setting of a comparison: a name, a factory for a fresh optimizer, and the batch size (null: full
/// batch) and epochs it trains with (null: the shared options' epochs).</summary>
public sealed record OptimizerVariant(string Name, Func<IOptimizer> Optimizer, int? BatchSize = null, int? Epochs = null)
{
    /// <summary>Trains a fresh model and a fresh optimizer per variant with <paramref name="options"/>, the variant's batch size
    /// and epochs replacing the options' own; each history is named after its variant.</summary>
    public static List<TrainingHistory> FitEach(IEnumerable<OptimizerVariant> variants, Func<Model> model, Dataset train, TrainingOptions options)
    {
        ArgumentNullException.ThrowIfNull(variants);
        ArgumentNullException.ThrowIfNull(model);
        ArgumentNullException.ThrowIfNull(train);
        ArgumentNullException.ThrowIfNull(options);
        var list = variants.ToList();
        if (list.Count == 0) throw new ArgumentException("Give at least one variant to train.", nameof(variants));
        if (list.Select(v => v.Name).Distinct().Count() != list.Count) throw new ArgumentException("Two variants share a name; their runs could not be told apart.", nameof(variants));
        // A fresh model and optimizer per run: state carried over from another variant would mix the comparison.
        return list.Select(v => Trainer.Fit(model(), v.Optimizer(), train,
            options: options with { BatchSize = v.BatchSize, Epochs = v.Epochs ?? options.Epochs }, name: v.Name)).ToList();
    }
}
