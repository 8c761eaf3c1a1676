using TorchSharp;
using static TorchSharp.torch;

namespace DlCourse.Torch;

/// <summary>A multi-layer perceptron on flattened images: Linear → activation (→ dropout) per hidden width, then a linear head.</summary>
public sealed class Mlp : ImageClassifier
{
    /// <summary>Hidden widths (empty gives softmax regression) with one activation for all hidden layers or one per layer.</summary>
    public Mlp(ImageShape input, IReadOnlyList<int> hidden, int classes = 10, IReadOnlyList<Activation>? activations = null, double dropout = 0)
        : base("Mlp", input, Build(input, hidden, activations ?? [Activation.ReLU], dropout), hidden.Count > 0 ? hidden[^1] : input.Size, classes)
    {
        Hidden = hidden.ToArray();
    }

    public Mlp(ImageShape input, IReadOnlyList<int> hidden, int classes, Activation activation, double dropout = 0)
        : this(input, hidden, classes, [activation], dropout) { }

    public IReadOnlyList<int> Hidden { get; }

    private static nn.Module<Tensor, Tensor> Build(ImageShape input, IReadOnlyList<int> hidden, IReadOnlyList<Activation> activations, double dropout)
    {
        if (activations.Count != 1 && activations.Count != hidden.Count)
            throw new ArgumentException($"Give one activation for all {hidden.Count} hidden layers or one per layer, not {activations.Count}.");
        if (hidden.Any(w => w < 1)) throw new ArgumentException("Hidden widths must be positive.");
        var layers = new List<(string, nn.Module<Tensor, Tensor>)> { ("flatten", nn.Flatten()) };
        var width = input.Size;
        for (var i = 0; i < hidden.Count; i++)
        {
            layers.Add(($"fc{i + 1}", nn.Linear(width, hidden[i])));
            layers.Add(($"act{i + 1}", Activations.Create(activations[activations.Count == 1 ? 0 : i])));
            if (dropout > 0) layers.Add(($"drop{i + 1}", nn.Dropout(dropout)));
            width = hidden[i];
        }
        return nn.Sequential(layers);
    }
}
