using TorchSharp;
using static TorchSharp.torch;

namespace DlCourse.Torch;

/// <summary>
/// LeCun et al.'s LeNet-5 (1998) with ReLU and max pooling: conv 5×5 (6) → pool → conv 5×5 (16) → pool → 120 → 84 → head.
/// A 28×28 input is zero-padded by 2 so that both sizes reach the original 16×5×5 feature map.
/// </summary>
public sealed class LeNet5 : ImageClassifier
{
    public LeNet5(ImageShape input, int classes = 10) : base("LeNet5", input, Build(input), 84, classes) { }

    private static nn.Module<Tensor, Tensor> Build(ImageShape input)
    {
        if (input.Height != input.Width || input.Height is not (28 or 32))
            throw new ArgumentException($"LeNet5 takes 28×28 or 32×32 images, not {input}.");
        var padding = (32 - input.Height) / 2;
        return nn.Sequential(
            ("conv1", nn.Conv2d(input.Channels, 6, 5, padding: padding)), ("relu1", nn.ReLU()), ("pool1", nn.MaxPool2d(2)),
            ("conv2", nn.Conv2d(6, 16, 5)), ("relu2", nn.ReLU()), ("pool2", nn.MaxPool2d(2)),
            ("flatten", nn.Flatten()),
            ("fc1", nn.Linear(16 * 5 * 5, 120)), ("relu3", nn.ReLU()),
            ("fc2", nn.Linear(120, 84)), ("relu4", nn.ReLU()));
    }
}
