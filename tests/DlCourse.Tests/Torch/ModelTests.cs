using DlCourse.Optimization;
using DlCourse.Torch;
using TorchSharp;
using static TorchSharp.torch;

namespace DlCourse.Tests.Torch;

[Collection("Torch")]
public class ModelTests
{
    public static TheoryData<string, int> Cases()
    {
        var data = new TheoryData<string, int>();
        foreach (var model in new[] { "mlp", "lenet5", "alexnet", "vgg", "resnet18" })
            foreach (var side in new[] { 28, 32 })
                data.Add(model, side);
        return data;
    }

    internal static ImageClassifier Create(string name, ImageShape shape, int classes) => name switch
    {
        "mlp" => new Mlp(shape, [32, 16], classes, [Activation.ReLU, Activation.Tanh]),
        "lenet5" => new LeNet5(shape, classes),
        "alexnet" => new AlexNet(shape, classes),
        "vgg" => new Vgg(shape, classes, width: 4),
        "resnet18" => new ResNet18(shape, classes, width: 4),
        _ => throw new ArgumentException(name),
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public void Output_is_one_logit_per_class_for_both_input_sizes(string name, int side)
    {
        var shape = side == 28 ? ImageShape.Gray28 : ImageShape.Color32;
        using var model = Create(name, shape, classes: 7);
        model.eval();
        using var scope = NewDisposeScope();
        var output = model.call(randn(3, shape.Channels, side, side));
        Assert.Equal(new long[] { 3, 7 }, output.shape);
        Assert.True(output.isfinite().all().item<bool>());
    }

    [Fact]
    public void Wrong_input_shape_is_rejected_with_the_expected_shape()
    {
        using var model = new LeNet5(ImageShape.Gray28);
        using var input = randn(2, 3, 32, 32);
        var error = Assert.Throws<ArgumentException>(() => model.call(input));
        Assert.Contains("1×28×28", error.Message);
    }

    [Fact]
    public void LeNet5_has_the_classic_parameter_count()
    {
        // 156 + 2416 + 48120 + 10164 + 850 = 61 706 for 1×32×32 and 10 classes (LeCun et al. with full C3 connections).
        using var model = new LeNet5(new ImageShape(1, 32, 32));
        Assert.Equal(61_706, model.ParameterCount());
    }

    [Fact]
    public void ResNet18_at_width_64_has_the_published_size()
    {
        // torchvision's CIFAR-style ResNet-18 for 10 classes: 11 173 962 parameters.
        using var model = new ResNet18(ImageShape.Color32, 10, width: 64);
        Assert.Equal(11_173_962, model.ParameterCount());
    }

    [Fact]
    public void Mlp_rejects_a_mismatched_activation_list()
    {
        Assert.Throws<ArgumentException>(() => new Mlp(ImageShape.Gray28, [8, 8, 8], 10, [Activation.ReLU, Activation.Tanh]));
    }

    [Fact]
    public void Gradients_of_a_small_cnn_match_central_differences_in_double_precision()
    {
        TorchDevice.Seed(3);
        using var model = new LeNet5(ImageShape.Gray28, classes: 4);
        model.to(float64);
        model.eval();
        using var x = randn(new long[] { 2, 1, 28, 28 }, float64);
        using var y = tensor(new long[] { 1, 3 });
        Tensor Loss() => nn.functional.cross_entropy(model.call(x), y);

        using (var loss = Loss()) loss.backward();
        var random = new Random(5);
        var checkedCount = 0;
        foreach (var (name, parameter) in model.named_parameters())
        {
            using var grad = Gradients.Of(parameter)!.clone();
            for (var k = 0; k < 3; k++)
            {
                var index = random.NextInt64(parameter.numel());
                using var flat = parameter.view(-1);
                double Evaluate(double delta)
                {
                    using var noGrad = no_grad();
                    var original = flat[index].item<double>();
                    flat[index] = original + delta;
                    using var loss = Loss();
                    flat[index] = original;
                    return loss.item<double>();
                }
                const double h = 1e-6;
                var numeric = (Evaluate(h) - Evaluate(-h)) / (2 * h);
                var analytic = grad.view(-1)[index].item<double>();
                Assert.True(Math.Abs(numeric - analytic) <= 1e-6 + 1e-5 * Math.Abs(analytic), $"{name}[{index}]: autograd {analytic}, finite differences {numeric}");
                checkedCount++;
            }
        }
        Assert.Equal(30, checkedCount); // 10 tensors (5 layers' weights and biases) × 3 entries
    }

    [Fact]
    public void Replacing_the_head_keeps_the_backbone_and_freezing_stops_its_updates()
    {
        TorchDevice.Seed(1);
        using var model = new LeNet5(ImageShape.Gray28, classes: 10);
        var backboneBefore = model.Backbone.parameters().Select(p => p.detach().clone()).ToList();
        model.ReplaceHead(3);
        model.FreezeBackbone();
        Assert.Equal(3, model.Classes);
        Assert.Equal(84 * 3 + 3, model.ParameterCount(trainableOnly: true));

        var data = TorchTestData.Batches(96, ImageShape.Gray28, 3, seed: 2);
        using var trainer = new TorchTrainer(model, new Adam(1e-2), new TrainingOptions { Epochs = 2, Progress = _ => { }, Device = "cpu" });
        var headBefore = model.Head.weight!.detach().clone();
        trainer.Fit(data);

        foreach (var (before, after) in backboneBefore.Zip(model.Backbone.parameters()))
            Assert.True(before.allclose(after, 0, 0), "a frozen backbone parameter changed");
        Assert.False(headBefore.allclose(model.Head.weight!, 0, 0), "the head did not train");
        model.UnfreezeBackbone();
        Assert.Equal(model.ParameterCount(), model.ParameterCount(trainableOnly: true));
    }
}
