using TorchSharp;
using static TorchSharp.torch;

namespace DlCourse.Torch;

/// <summary>What one optimiser step does to every parameter of a network: each gradient entry beside the change it caused.</summary>
public static class ParameterSteps
{
    /// <summary>
    /// Back-propagates the mean cross-entropy of <paramref name="batch"/> through <paramref name="model"/>, takes one
    /// step of <paramref name="optimizer"/> and returns every parameter's gradient and change Δθ, flattened in parameter order.
    /// </summary>
    public static (float[] Gradients, float[] Steps) OfOneStep(nn.Module<Tensor, Tensor> model, optim.Optimizer optimizer, Batch batch)
    {
        ArgumentNullException.ThrowIfNull(model);
        ArgumentNullException.ThrowIfNull(optimizer);
        ArgumentNullException.ThrowIfNull(batch);
        var parameters = model.parameters().ToList();
        if (parameters.Count == 0) throw new ArgumentException("The model has no parameters to step.", nameof(model));
        var before = parameters.Select(p => p.detach().clone()).ToList();
        optimizer.zero_grad();
        nn.functional.cross_entropy(model.call(batch.Images), batch.Labels).backward();
        // Copied before the step: an optimiser may change gradients in place (weight decay, clipping).
        var gradients = parameters.Select(p => Gradients.Of(p)?.clone() ?? zeros_like(p)).ToList();
        optimizer.step();
        var steps = parameters.Zip(before, (after, start) => (after.detach() - start).cpu().data<float>().ToArray());
        return (gradients.SelectMany(g => g.cpu().data<float>().ToArray()).ToArray(), steps.SelectMany(s => s).ToArray());
    }
}
