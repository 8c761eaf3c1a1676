using DlCourse.Numerics;
using MathNet.Numerics.LinearAlgebra;

namespace DlCourse.Tests.Numerics;

/// <summary>Logits of ±1e4 overflow every naive formula in float32 and float64; the library must stay finite.</summary>
public class ExtremeLogitTests
{
    private static readonly double[] Logits = [1e4, -1e4, 0, 1e4 - 1, -3];
    private static readonly double[] Target = [0, 1, 0, 0, 0];

    private static void AllFinite(IEnumerable<double> values) => Assert.All(values, v => Assert.True(double.IsFinite(v), $"{v} is not finite"));
    private static void AllFinite(IEnumerable<float> values) => Assert.All(values, v => Assert.True(float.IsFinite(v), $"{v} is not finite"));

    [Fact]
    public void Float64_softmax_family_is_finite()
    {
        AllFinite(StableSoftmax.Apply(Logits));
        AllFinite(LogSoftmax.Apply(Logits));
        AllFinite([LogSumExp.Apply(Logits)]);
        AllFinite(Sigmoid.Apply(Logits));
        AllFinite(StableSoftmax.Apply(Matrix<double>.Build.DenseOfRowArrays(Logits, Logits.Reverse().ToArray())).Enumerate());
        Assert.Equal(1e4 + Math.Log(1 + Math.Exp(-1)), LogSumExp.Apply(Logits), 9);
        Assert.Equal(-2e4 - Math.Log(1 + Math.Exp(-1)), LogSoftmax.Apply(Logits)[1], 9);
    }

    [Fact]
    public void Float32_softmax_family_is_finite()
    {
        var z = Logits.Select(v => (float)v).ToArray();
        AllFinite(StableSoftmax.Apply(z));
        AllFinite(LogSoftmax.Apply(z));
        AllFinite([LogSumExp.Apply(z)]);
        AllFinite(Sigmoid.Apply(z));
        AllFinite(LogSoftmax.Apply(Matrix<float>.Build.DenseOfRowArrays(z)).Enumerate());
        Assert.Equal(1f, Sigmoid.Apply(1e4f));
        Assert.Equal(0f, Sigmoid.Apply(-1e4f));
    }

    [Fact]
    public void Losses_on_logits_are_finite_and_correct_in_both_precisions()
    {
        double bce = BinaryCrossEntropyWithLogits.Value(Logits, Target.Select(t => 1 - t).ToArray());
        double ce = CrossEntropyWithLogits.Value(Logits, Target);
        AllFinite([bce, ce]);
        // The target class has logit −1e4 against a max of 1e4: the loss is about 2e4.
        Assert.Equal(2e4 + Math.Log(1 + Math.Exp(-1)), ce, 8);

        var zf = Logits.Select(v => (float)v).ToArray();
        var yf = Target.Select(v => (float)v).ToArray();
        AllFinite([BinaryCrossEntropyWithLogits.Value(zf, yf), CrossEntropyWithLogits.Value(zf, yf)]);
        Assert.Equal(2e4f, CrossEntropyWithLogits.Value(zf, yf), 0);
    }

    [Fact]
    public void Confidently_wrong_binary_logit_costs_its_magnitude()
    {
        // y = 1 with z = −1e4: −log σ(z) = softplus(−z) ≈ 1e4 exactly in floating point.
        Assert.Equal(1e4, BinaryCrossEntropyWithLogits.Value(-1e4, 1), 9);
        Assert.Equal(0, BinaryCrossEntropyWithLogits.Value(1e4, 1), 9);
    }
}
