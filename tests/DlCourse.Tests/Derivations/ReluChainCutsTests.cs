using DlCourse.Derivations;
using DlCourse.Models;

namespace DlCourse.Tests.Derivations;

public class ReluChainCutsTests
{
    [Fact]
    public void Fractions_match_chains_drawn_one_by_one()
    {
        int[] depths = [1, 3, 6];
        var cuts = ReluChainCuts.Sweep(depths, widths: [1, 2], chainsPerDepth: 40, x: 1.0, target: 5.0, weightScale: 1.0, biasScale: 0.1);
        Assert.Equal(2 * 3 * 40, cuts.Chains);
        Assert.Equal(0, cuts.Mismatches);
        foreach (var width in new[] { 1, 2 })
            for (int d = 0; d < depths.Length; d++)
            {
                int zeros = Enumerable.Range(0, 40).Count(s => DeepChain.Random(depths[d], width, Activation.ReLU, seed: 1000 * d + s, scale: 1.0, biasScale: 0.1)
                    .Backward(1.0, 5.0).WeightGradients[0].All(g => g == 0));
                Assert.Equal(zeros / 40.0, cuts.ZeroFraction[width][d], 12);
            }
        // Deeper one-unit chains are cut more often: each layer is another chance of a ≤ 0.
        Assert.True(cuts.ZeroFraction[1][2] > cuts.ZeroFraction[1][0]);
    }

    [Fact]
    public void Arguments_are_validated()
    {
        Assert.Throws<ArgumentException>(() => ReluChainCuts.Sweep([], [1], 10));
        Assert.Throws<ArgumentException>(() => ReluChainCuts.Sweep([0], [1], 10));
        Assert.Throws<ArgumentException>(() => ReluChainCuts.Sweep([2], [1, 1], 10));
        Assert.Throws<ArgumentOutOfRangeException>(() => ReluChainCuts.Sweep([2], [1], 0));
    }

    [Fact]
    public void Table_and_summary_print_the_fractions_by_depth_and_width()
    {
        int[] depths = [1, 4, 8];
        var cuts = ReluChainCuts.Sweep(depths, widths: [1, 2], chainsPerDepth: 20);
        var rows = cuts.Table().Split('\n');
        Assert.Equal(3, rows.Length);
        Assert.Equal($"depth  4: zero gradient in {cuts.ZeroFraction[1][1]:P0} of 1-unit chains, {cuts.ZeroFraction[2][1]:P0} of 2-unit chains", rows[1]);
        var summary = cuts.Summary(share: 0.5).Split('\n');
        Assert.StartsWith("random ReLU chains with an exactly zero first-layer gradient, 1 unit / 2 units per layer: depth 1: ", summary[0]);
        int first = Array.FindIndex(cuts.ZeroFraction[2], f => f >= 0.5);
        Assert.Equal(first < 0 ? "two units per layer: fewer than 50 % of the chains are cut at every depth tried"
            : $"two units per layer: at least 50 % of the chains are cut from depth {depths[first]} on", summary[1]);
        Assert.EndsWith("fewer than 100 % of the chains are cut at every depth tried", ReluChainCuts.Sweep([1], [2], 20).Summary(1.0));
        Assert.Throws<ArgumentOutOfRangeException>(() => cuts.Summary(0));
        Assert.Throws<ArgumentOutOfRangeException>(() => cuts.Summary(double.NaN));
    }
}
