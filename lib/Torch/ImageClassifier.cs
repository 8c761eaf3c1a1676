using TorchSharp;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace DlCourse.Torch;

/// <summary>
/// A classifier split into a backbone (image → feature vector) and a linear head (features → class logits),
/// so that fine-tuning can swap the head and freeze the backbone. Every course model derives from it.
/// </summary>
public abstract class ImageClassifier : nn.Module<Tensor, Tensor>
{
    private readonly nn.Module<Tensor, Tensor> backbone;
    private Linear head;

    protected ImageClassifier(string name, ImageShape input, nn.Module<Tensor, Tensor> backbone, int features, int classes) : base(name)
    {
        if (classes < 1) throw new ArgumentOutOfRangeException(nameof(classes), classes, "a classifier needs at least one class");
        Input = input;
        Features = features;
        this.backbone = backbone;
        head = nn.Linear(features, classes);
        // Explicit names: TorchSharp's reflection-based RegisterComponents does not see a base class's private fields.
        register_module("backbone", backbone);
        register_module("head", head);
    }

    /// <summary>The image shape the model was built for.</summary>
    public ImageShape Input { get; }

    /// <summary>Length of the feature vector the backbone produces (the head's input).</summary>
    public int Features { get; }

    /// <summary>Number of classes the current head predicts.</summary>
    public int Classes => (int)head.weight!.shape[0];

    public nn.Module<Tensor, Tensor> Backbone => backbone;

    public Linear Head => head;

    public override Tensor forward(Tensor input)
    {
        if (input.ndim != 4 || input.shape[1] != Input.Channels || input.shape[2] != Input.Height || input.shape[3] != Input.Width)
            throw new ArgumentException($"{GetName()} expects a batch N×{Input}, got [{string.Join("×", input.shape)}].");
        using var features = backbone.call(input);
        return head.call(features);
    }

    /// <summary>Replaces the head by a fresh linear layer for <paramref name="classes"/> classes, on the backbone's device.</summary>
    public void ReplaceHead(int classes)
    {
        var device = head.weight!.device;
        register_module("head", null!);
        head.Dispose();
        head = nn.Linear(Features, classes);
        head.to(device);
        register_module("head", head);
    }

    /// <summary>Stops (or resumes) gradient updates of the backbone's parameters; the head always trains.</summary>
    public void FreezeBackbone(bool frozen = true)
    {
        foreach (var p in backbone.parameters()) p.requires_grad = !frozen;
    }

    public void UnfreezeBackbone() => FreezeBackbone(false);

    /// <summary>Number of parameters; <paramref name="trainableOnly"/> counts only those that receive gradients.</summary>
    public long ParameterCount(bool trainableOnly = false) =>
        parameters().Where(p => !trainableOnly || p.requires_grad).Sum(p => p.numel());
}
