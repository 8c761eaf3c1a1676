using DlCourse.Torch;
using TorchSharp;
using static TorchSharp.torch;

namespace DlCourse.Tests.Torch;

[Collection("Torch")]
public class ParameterStepsTests
{
    [Fact]
    public void Plain_gradient_descent_moves_every_parameter_by_minus_the_rate_times_its_gradient()
    {
        TorchDevice.Seed(3);
        using var model = new Mlp(ImageShape.Gray28, [5], 3);
        var batch = TorchTestData.Batches(8, ImageShape.Gray28, 3, seed: 1).Epoch().First();
        var (gradients, steps) = ParameterSteps.OfOneStep(model, optim.SGD(model.parameters(), 0.5), batch);
        Assert.Equal(model.ParameterCount(), gradients.Length);
        Assert.Equal(gradients.Length, steps.Length);
        Assert.Contains(gradients, g => Math.Abs(g) > 1e-3);
        for (var i = 0; i < steps.Length; i++) Assert.Equal(-0.5 * gradients[i], steps[i], 1e-5);
    }

    [Fact]
    public void The_gradients_are_those_of_the_mean_cross_entropy()
    {
        TorchDevice.Seed(4);
        using var model = new Mlp(ImageShape.Gray28, [], 3); // softmax regression: the head's weight (3 × 784), then its bias
        var batch = TorchTestData.Batches(6, ImageShape.Gray28, 3, seed: 2).Epoch().First();
        // ∂L/∂b = mean over the batch of softmax(z) − onehot(y), from the weights before the step.
        float[] expected;
        using (no_grad())
        {
            var probabilities = softmax(model.call(batch.Images), 1).cpu().data<float>().ToArray();
            var labels = batch.Labels.cpu().data<long>().ToArray();
            expected = Enumerable.Range(0, 3).Select(k => (float)Enumerable.Range(0, labels.Length)
                .Average(i => probabilities[i * 3 + k] - (labels[i] == k ? 1.0 : 0.0))).ToArray();
        }
        var (gradients, _) = ParameterSteps.OfOneStep(model, optim.SGD(model.parameters(), 0.1), batch);
        Assert.Equal(3 * 784 + 3, gradients.Length);
        for (var k = 0; k < 3; k++) Assert.Equal(expected[k], gradients[3 * 784 + k], 1e-5);
    }

    [Fact]
    public void Arguments_are_checked()
    {
        using var model = new Mlp(ImageShape.Gray28, [2], 3);
        var batch = TorchTestData.Batches(4, ImageShape.Gray28, 3, seed: 1).Epoch().First();
        Assert.Throws<ArgumentNullException>(() => ParameterSteps.OfOneStep(null!, optim.SGD(model.parameters(), 0.1), batch));
        Assert.Throws<ArgumentNullException>(() => ParameterSteps.OfOneStep(model, null!, batch));
        Assert.Throws<ArgumentNullException>(() => ParameterSteps.OfOneStep(model, optim.SGD(model.parameters(), 0.1), null!));
    }
}
