using TorchSharp;
using static TorchSharp.torch;

namespace DlCourse.Torch;

/// <summary>
/// A VGG-11-style network (Simonyan and Zisserman, 2014) for small images: eight 3×3 convolutions with batch norm in
/// four pooled stages (w, 2w, 4w-4w, 8w-8w, 8w-8w), global average pooling, and a linear head.
/// </summary>
public sealed class Vgg : ImageClassifier
{
    public Vgg(ImageShape input, int classes = 10, int width = 16) : base("Vgg", input, Build(input, width), 8 * width, classes) { }

    private static nn.Module<Tensor, Tensor> Build(ImageShape input, int w)
    {
        if (input.Height < 16 || input.Width < 16) throw new ArgumentException($"Vgg needs images of at least 16×16, not {input}.");
        // VGG-11's configuration with one pool fewer, so that 28×28 still has a 1×1 map at the end.
        int[] plan = [w, -1, 2 * w, -1, 4 * w, 4 * w, -1, 8 * w, 8 * w, -1, 8 * w, 8 * w];
        var layers = new List<(string, nn.Module<Tensor, Tensor>)>();
        int channels = input.Channels, conv = 0, pool = 0;
        foreach (var step in plan)
        {
            if (step < 0) { layers.Add(($"pool{++pool}", nn.MaxPool2d(2))); continue; }
            conv++;
            layers.Add(($"conv{conv}", nn.Conv2d(channels, step, 3, padding: 1, bias: false)));
            layers.Add(($"bn{conv}", nn.BatchNorm2d(step)));
            layers.Add(($"relu{conv}", nn.ReLU()));
            channels = step;
        }
        layers.Add(("gap", nn.AdaptiveAvgPool2d(1)));
        layers.Add(("flatten", nn.Flatten()));
        return nn.Sequential(layers);
    }
}
