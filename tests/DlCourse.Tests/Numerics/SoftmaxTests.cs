using System.Numerics.Tensors;
using DlCourse.Derivations;
using DlCourse.Numerics;
using MathNet.Numerics.LinearAlgebra;

namespace DlCourse.Tests.Numerics;

public class SoftmaxTests
{
    [Fact]
    public void Softmax_of_small_logits_matches_the_definition()
    {
        double[] z = [1, 2, 3];
        double denominator = Math.Exp(1) + Math.Exp(2) + Math.Exp(3);
        var p = StableSoftmax.Apply(z);
        Assert.Equal(Math.Exp(1) / denominator, p[0], 15);
        Assert.Equal(Math.Exp(2) / denominator, p[1], 15);
        Assert.Equal(Math.Exp(3) / denominator, p[2], 15);
    }

    [Fact]
    public void Shifting_the_logits_leaves_softmax_unchanged()
    {
        var rng = new Random(1);
        var z = TestData.Normal(rng, 7, 3);
        var shifted = z.Select(v => v + 1234.5).ToArray();
        var p = StableSoftmax.Apply(z);
        var q = StableSoftmax.Apply(shifted);
        for (int k = 0; k < z.Length; k++) Assert.Equal(p[k], q[k], 1e-12);
        Assert.Equal(1.0, p.Sum(), 14);
    }

    [Fact]
    public void Naive_softmax_overflows_where_stable_softmax_does_not()
    {
        double[] z = [1000, 1001, 1002];
        Assert.All(NaiveSoftmax.Apply(z), v => Assert.True(double.IsNaN(v)));
        var p = StableSoftmax.Apply(z);
        Assert.Equal(StableSoftmax.Apply([0.0, 1, 2]), p);
        // float32 overflows far earlier: exp(89) > float.MaxValue.
        Assert.Contains(NaiveSoftmax.Apply([89f, 0f]), float.IsNaN);
        Assert.DoesNotContain(StableSoftmax.Apply([89f, 0f]), float.IsNaN);
    }

    [Fact]
    public void TensorPrimitives_SoftMax_is_not_max_shifted_which_is_why_the_library_shifts()
    {
        // Pins down the claim in StableSoftmax's remarks; if a future package shifts internally this test says so.
        var destination = new double[2];
        TensorPrimitives.SoftMax<double>([1000.0, 1001.0], destination);
        Assert.True(double.IsNaN(destination[0]));
    }

    [Fact]
    public void Log_softmax_equals_log_of_softmax_where_both_are_finite_and_stays_finite_where_softmax_underflows()
    {
        var rng = new Random(2);
        var z = TestData.Normal(rng, 6, 2);
        var logP = LogSoftmax.Apply(z);
        var p = StableSoftmax.Apply(z);
        for (int k = 0; k < z.Length; k++) Assert.Equal(Math.Log(p[k]), logP[k], 12);

        double[] spread = [0, -800];
        Assert.Equal(0.0, StableSoftmax.Apply(spread)[1]); // underflow: log would be −∞
        Assert.Equal(-800.0, LogSoftmax.Apply(spread)[1], 10);
    }

    [Fact]
    public void LogSumExp_matches_the_definition_and_handles_infinities()
    {
        double[] z = [0.5, -1, 2];
        Assert.Equal(Math.Log(z.Sum(Math.Exp)), LogSumExp.Apply(z), 14);
        Assert.Equal(1000 + Math.Log(2), LogSumExp.Apply([1000.0, 1000.0]), 10);
        Assert.Equal(double.NegativeInfinity, LogSumExp.Apply([double.NegativeInfinity, double.NegativeInfinity]));
        Assert.Equal(1.0, LogSumExp.Apply([double.NegativeInfinity, 1.0]), 15);
    }

    [Fact]
    public void Sigmoid_matches_the_definition_and_is_symmetric()
    {
        foreach (var z in new[] { -30.0, -2.5, 0, 0.7, 30 })
        {
            Assert.Equal(1 / (1 + Math.Exp(-z)), Sigmoid.Apply(z), 15);
            Assert.Equal(1.0, Sigmoid.Apply(z) + Sigmoid.Apply(-z), 15);
        }
        Assert.Equal(0.25, Sigmoid.Derivative(0), 15);
    }

    [Fact]
    public void Batch_versions_apply_one_softmax_per_row()
    {
        var rng = new Random(3);
        var z = TestData.NormalMatrix(rng, 4, 5, 3);
        var p = StableSoftmax.Apply(z);
        var logP = LogSoftmax.Apply(z);
        var lse = LogSumExp.Apply(z);
        var zf = z.Map(v => (float)v);
        var pf = StableSoftmax.Apply(zf);
        for (int i = 0; i < z.RowCount; i++)
        {
            var row = z.Row(i).ToArray();
            Assert.Equal(StableSoftmax.Apply(row), p.Row(i).ToArray());
            Assert.Equal(LogSoftmax.Apply(row), logP.Row(i).ToArray());
            Assert.Equal(LogSumExp.Apply(row), lse[i]);
            for (int k = 0; k < row.Length; k++) Assert.Equal(p[i, k], pf[i, k], 5);
        }
        Assert.Equal(Sigmoid.Apply(z[1, 2]), Sigmoid.Apply(z)[1, 2]);
    }

    [Fact]
    public void LogSumExp_gradient_is_softmax_and_log_softmax_Jacobian_is_identity_minus_softmax_rows()
    {
        var rng = new Random(5);
        var z = TestData.Normal(rng, 6, 2);
        Assert.True(GradientCheck.Run(LogSumExp.Apply, z, StableSoftmax.Apply(z)).Passed);
        var p = MathNet.Numerics.LinearAlgebra.Vector<double>.Build.Dense(StableSoftmax.Apply(z));
        var jacobian = Matrix<double>.Build.DenseIdentity(6) - Matrix<double>.Build.Dense(6, 6, (_, j) => p[j]);
        Assert.True(JacobianCheck.Run(LogSoftmax.Apply, z, jacobian).Passed);
    }

    [Fact]
    public void Empty_or_mismatched_input_is_rejected_with_a_clear_message()
    {
        var e = Assert.Throws<ArgumentException>(() => StableSoftmax.Apply(Array.Empty<double>()));
        Assert.Contains("empty", e.Message);
        e = Assert.Throws<ArgumentException>(() => StableSoftmax.Apply<double>([1.0, 2.0], new double[3]));
        Assert.Contains("length", e.Message);
    }
}
