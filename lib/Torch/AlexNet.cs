using TorchSharp;
using static TorchSharp.torch;

namespace DlCourse.Torch;

/// <summary>
/// AlexNet's shape (Krizhevsky et al., 2012) scaled to small images: five 3×3 convolutions with three max pools,
/// then two dropout-regularised fully connected layers. Widths are a quarter of the original's to suit a CPU.
/// </summary>
public sealed class AlexNet : ImageClassifier
{
    private const int Hidden = 256;

    public AlexNet(ImageShape input, int classes = 10, double dropout = 0.5) : base("AlexNet", input, Build(input, dropout), Hidden, classes) { }

    private static nn.Module<Tensor, Tensor> Build(ImageShape input, double dropout)
    {
        var side = input.Height / 2 / 2 / 2; // three 2×2 pools with floor, as libtorch computes them
        var width = input.Width / 2 / 2 / 2;
        if (side < 1 || width < 1) throw new ArgumentException($"AlexNet needs images of at least 8×8, not {input}.");
        return nn.Sequential(
            ("conv1", nn.Conv2d(input.Channels, 24, 3, padding: 1)), ("relu1", nn.ReLU()), ("pool1", nn.MaxPool2d(2)),
            ("conv2", nn.Conv2d(24, 64, 3, padding: 1)), ("relu2", nn.ReLU()), ("pool2", nn.MaxPool2d(2)),
            ("conv3", nn.Conv2d(64, 96, 3, padding: 1)), ("relu3", nn.ReLU()),
            ("conv4", nn.Conv2d(96, 96, 3, padding: 1)), ("relu4", nn.ReLU()),
            ("conv5", nn.Conv2d(96, 64, 3, padding: 1)), ("relu5", nn.ReLU()), ("pool3", nn.MaxPool2d(2)),
            ("flatten", nn.Flatten()),
            ("drop1", nn.Dropout(dropout)), ("fc1", nn.Linear(64 * side * width, Hidden)), ("relu6", nn.ReLU()),
            ("drop2", nn.Dropout(dropout)), ("fc2", nn.Linear(Hidden, Hidden)), ("relu7", nn.ReLU()));
    }
}
