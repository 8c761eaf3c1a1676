using TorchSharp;
using static TorchSharp.torch;

namespace DlCourse.Torch;

/// <summary>
/// ResNet-18 (He et al., 2016) in its small-image form: a 3×3 stem without max pool, four stages of two basic blocks
/// (widths w, 2w, 4w, 8w; the last three halve the resolution), global average pooling and a linear head.
/// The original has w = 64; the course uses smaller widths on a CPU.
/// </summary>
public sealed class ResNet18 : ImageClassifier
{
    public ResNet18(ImageShape input, int classes = 10, int width = 64) : base("ResNet18", input, Build(input, width), 8 * width, classes) { }

    private static nn.Module<Tensor, Tensor> Build(ImageShape input, int w)
    {
        var layers = new List<(string, nn.Module<Tensor, Tensor>)>
        {
            ("stem", nn.Conv2d(input.Channels, w, 3, padding: 1, bias: false)), ("stem_bn", nn.BatchNorm2d(w)), ("stem_relu", nn.ReLU()),
        };
        var channels = w;
        int[] widths = [w, 2 * w, 4 * w, 8 * w];
        for (var stage = 0; stage < widths.Length; stage++)
            for (var block = 0; block < 2; block++)
            {
                var stride = stage > 0 && block == 0 ? 2 : 1;
                layers.Add(($"layer{stage + 1}_{block}", new BasicBlock(channels, widths[stage], stride)));
                channels = widths[stage];
            }
        layers.Add(("gap", nn.AdaptiveAvgPool2d(1)));
        layers.Add(("flatten", nn.Flatten()));
        return nn.Sequential(layers);
    }

    /// <summary>Two 3×3 conv-BN layers plus the input (through a 1×1 projection when the shape changes), then ReLU.</summary>
    private sealed class BasicBlock : nn.Module<Tensor, Tensor>
    {
        private readonly nn.Module<Tensor, Tensor> conv1, bn1, conv2, bn2;
        private readonly nn.Module<Tensor, Tensor>? shortcut;

        public BasicBlock(int inChannels, int outChannels, int stride) : base("BasicBlock")
        {
            conv1 = nn.Conv2d(inChannels, outChannels, 3, stride: stride, padding: 1, bias: false);
            bn1 = nn.BatchNorm2d(outChannels);
            conv2 = nn.Conv2d(outChannels, outChannels, 3, padding: 1, bias: false);
            bn2 = nn.BatchNorm2d(outChannels);
            if (stride != 1 || inChannels != outChannels)
                shortcut = nn.Sequential(nn.Conv2d(inChannels, outChannels, 1, stride: stride, bias: false), nn.BatchNorm2d(outChannels));
            RegisterComponents();
        }

        public override Tensor forward(Tensor x)
        {
            using var a = nn.functional.relu(bn1.call(conv1.call(x)));
            using var b = bn2.call(conv2.call(a));
            using var sum = shortcut is null ? b + x : b + shortcut.call(x);
            return nn.functional.relu(sum);
        }
    }
}
