using DlCourse.Derivations;
using DlCourse.Models;

namespace DlCourse.Tests.Models;

public class DeepChainTests
{
    [Theory]
    [InlineData(1, Activation.Sigmoid)]
    [InlineData(2, Activation.Sigmoid)]
    [InlineData(2, Activation.Tanh)]
    [InlineData(3, Activation.ReLU)]
    public void BackpropMatchesFiniteDifferences(int width, Activation activation)
    {
        var chain = DeepChain.Random(6, width, activation, seed: 3, scale: 1.2, mean: 0.3, biasScale: 0.5);
        double x = 0.7, t = -0.4;
        var theta = chain.GetParameters();
        var result = GradientCheck.Run(p => { chain.SetParameters(p); return chain.Error(x, t); },
            p => { chain.SetParameters(p); return chain.Gradient(x, t); }, theta, tolerance: 1e-6);
        Assert.True(result.Passed, result.ToString());
    }

    [Fact]
    public void SigmoidChainDeltaShrinksAtLeastFourfoldPerLayerWithUnitWeights()
    {
        var chain = new DeepChain(30, 1, Activation.Sigmoid);
        foreach (var w in chain.Weights) w[0] = 1;
        // δ⁽ˡ⁻¹⁾ = σ′(a⁽ˡ⁻¹⁾)·w·δ⁽ˡ⁾ with σ′ ≤ ¼ (∂E/∂w also carries the activation h⁽ˡ⁻¹⁾, so compare the δ's).
        var deltas = chain.Backward(1.0, 5.0).BiasGradients.Select(d => Math.Abs(d[0])).ToArray();
        for (int l = 1; l < deltas.Length; l++) Assert.True(deltas[l - 1] <= deltas[l] / 4, $"layer {l}");
        Assert.True(deltas[0] > 0);
    }

    [Fact]
    public void ReluChainIsCutByOneDeadUnitButAWideChainNeedsEveryPathCut()
    {
        var narrow = new DeepChain(4, 1, Activation.ReLU);
        foreach (var w in narrow.Weights) w[0] = 1;
        narrow.Biases[2][0] = -10;                      // a⁽³⁾ ≤ 0: the only path is cut
        Assert.All(narrow.Backward(1, 3).WeightGradientNorms, n => Assert.Equal(0, n));

        var wide = new DeepChain(4, 2, Activation.ReLU);
        foreach (var w in wide.Weights) Array.Fill(w, 1.0);
        wide.Biases[2][0] = -10;                        // one of two units dead: paths through the other remain
        Assert.All(wide.Backward(1, 30).WeightGradientNorms, n => Assert.True(n > 0));
        wide.Biases[2][1] = -10;                        // both dead: every path cut
        Assert.All(wide.Backward(1, 30).WeightGradientNorms.Take(3), n => Assert.Equal(0, n));
    }

    [Fact]
    public void An_active_path_is_one_of_units_with_positive_input_over_non_zero_weights()
    {
        var narrow = new DeepChain(4, 1, Activation.ReLU);
        foreach (var w in narrow.Weights) w[0] = 1;
        Assert.True(narrow.HasActivePath(narrow.Backward(1, 3)));        // a = 1 at every layer
        narrow.Biases[2][0] = -10;
        Assert.False(narrow.HasActivePath(narrow.Backward(1, 3)));

        var wide = new DeepChain(3, 2, Activation.ReLU);
        foreach (var w in wide.Weights) Array.Fill(w, 1.0);
        wide.Biases[1][0] = -10;                                          // unit 0 of layer 2 dead; unit 1 carries the path
        Assert.True(wide.HasActivePath(wide.Backward(1, 30)));
        wide.Weights[2][0 * 2 + 1] = 0;                                   // unit 1 of layer 2 no longer feeds layer 3's units
        wide.Weights[2][1 * 2 + 1] = 0;
        Assert.False(wide.HasActivePath(wide.Backward(1, 30)));
        Assert.Throws<ArgumentException>(() => wide.HasActivePath(narrow.Backward(1, 3)));
    }

    [Fact]
    public void A_relu_chain_has_an_active_path_exactly_when_its_first_layer_gradient_is_not_zero()
    {
        int cut = 0;
        for (int seed = 0; seed < 200; seed++)
        {
            var chain = DeepChain.Random(6, 2, Activation.ReLU, seed, scale: 1.0, biasScale: 0.1);
            var pass = chain.Backward(1.0, 5.0);
            Assert.Equal(pass.WeightGradientNorms[0] != 0, chain.HasActivePath(pass));
            if (!chain.HasActivePath(pass)) cut++;
        }
        Assert.InRange(cut, 1, 199);                                       // both cases occur
    }
}
