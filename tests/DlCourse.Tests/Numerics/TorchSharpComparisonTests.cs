using DlCourse.Numerics;
using static TorchSharp.torch;

namespace DlCourse.Tests.Numerics;

/// <summary>The library against TorchSharp (libtorch), an independent implementation.</summary>
public class TorchSharpComparisonTests
{
    [Fact]
    public void Softmax_and_log_softmax_match_torch_on_random_input()
    {
        var rng = new Random(21);
        var z = TestData.Normal(rng, 64, 5);
        using var t = tensor(z, float64);
        var torchSoftmax = nn.functional.softmax(t, 0).data<double>().ToArray();
        var torchLogSoftmax = nn.functional.log_softmax(t, 0).data<double>().ToArray();
        var p = StableSoftmax.Apply(z);
        var logP = LogSoftmax.Apply(z);
        for (int k = 0; k < z.Length; k++)
        {
            Assert.Equal(torchSoftmax[k], p[k], 14);
            Assert.Equal(torchLogSoftmax[k], logP[k], 12);
        }
        Assert.Equal(logsumexp(t, 0).item<double>(), LogSumExp.Apply(z), 12);
    }

    [Fact]
    public void Float32_batch_softmax_matches_torch_per_row_with_extreme_logits()
    {
        var rng = new Random(22);
        var z = TestData.NormalMatrix(rng, 3, 8, 1000).Map(v => (float)v);
        using var t = tensor(z.ToRowMajorArray(), 3, 8);
        var torchSoftmax = nn.functional.softmax(t, 1).data<float>().ToArray();
        var p = StableSoftmax.Apply(z).ToRowMajorArray();
        for (int i = 0; i < p.Length; i++) Assert.Equal(torchSoftmax[i], p[i], 6);
    }

    [Fact]
    public void Losses_on_logits_match_torch()
    {
        var rng = new Random(23);
        var logits = TestData.NormalMatrix(rng, 5, 4, 3);
        var labels = TestData.Labels(rng, 5, 4);
        using var t = tensor(logits.ToRowMajorArray(), 5, 4, float64);
        using var target = tensor(labels.Select(l => (long)l).ToArray());
        Assert.Equal(nn.functional.cross_entropy(t, target).item<double>(), CrossEntropyWithLogits.Value(logits, labels), 12);

        var z = TestData.Normal(rng, 6, 4);
        var y = TestData.Uniform(rng, 6, 0, 1).Select(v => Math.Round(v)).ToArray();
        Assert.Equal(nn.functional.binary_cross_entropy_with_logits(tensor(z), tensor(y)).item<double>(),
            BinaryCrossEntropyWithLogits.Value(z, y), 12);
    }
}
