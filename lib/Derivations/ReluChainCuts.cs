using DlCourse.Models;

namespace DlCourse.Derivations;

/// <summary>How often random ReLU chains (<see cref="DeepChain.Random"/>) have an exactly zero first-layer gradient, by depth
/// and width, and in how many chains that zero disagrees with <see cref="DeepChain.HasActivePath"/>.</summary>
public sealed class ReluChainCuts
{
    private ReluChainCuts(IReadOnlyList<int> depths, IReadOnlyList<int> widths, IReadOnlyDictionary<int, double[]> zeroFraction, int chainsPerDepth, int mismatches)
    {
        Depths = depths;
        Widths = widths;
        ZeroFraction = zeroFraction;
        ChainsPerDepth = chainsPerDepth;
        Mismatches = mismatches;
    }

    /// <summary>Draws <paramref name="chainsPerDepth"/> chains per depth and width (weights ~ N(0, weightScale²), biases ~
    /// N(0, biasScale²), seed 1000·(depth's index) + chain, the same chains' seeds for every width) and backpropagates
    /// E = ½(y − t)² at input x.</summary>
    public static ReluChainCuts Sweep(IReadOnlyList<int> depths, IReadOnlyList<int> widths, int chainsPerDepth,
        double x = 1.0, double target = 5.0, double weightScale = 1.0, double biasScale = 0.1)
    {
        ArgumentNullException.ThrowIfNull(depths);
        ArgumentNullException.ThrowIfNull(widths);
        if (depths.Count == 0 || depths.Any(d => d < 1)) throw new ArgumentException("Give at least one depth, each of one layer or more.", nameof(depths));
        if (widths.Count == 0 || widths.Any(w => w < 1) || widths.Distinct().Count() != widths.Count)
            throw new ArgumentException("Give at least one width, each of one unit or more, none twice.", nameof(widths));
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(chainsPerDepth);
        var zeroFraction = new Dictionary<int, double[]>();
        int mismatches = 0;
        foreach (var width in widths)
        {
            zeroFraction[width] = new double[depths.Count];
            for (int d = 0; d < depths.Count; d++)
            {
                int zeros = 0;
                for (int s = 0; s < chainsPerDepth; s++)
                {
                    var chain = DeepChain.Random(depths[d], width, Activation.ReLU, seed: 1000 * d + s, scale: weightScale, biasScale: biasScale);
                    var pass = chain.Backward(x, target);
                    bool zero = pass.WeightGradientNorms[0] == 0;
                    // A zero gradient must mean a cut path, and a non-zero one a live path.
                    if (zero == chain.HasActivePath(pass)) mismatches++;
                    if (zero) zeros++;
                }
                zeroFraction[width][d] = zeros / (double)chainsPerDepth;
            }
        }
        return new ReluChainCuts(depths.ToArray(), widths.ToArray(), zeroFraction, chainsPerDepth, mismatches);
    }

    public IReadOnlyList<int> Depths { get; }

    /// <summary>Units per layer, in the order given.</summary>
    public IReadOnlyList<int> Widths { get; }

    /// <summary>Per width, the fraction of chains of each depth (in the order of <see cref="Depths"/>) with a zero first-layer gradient.</summary>
    public IReadOnlyDictionary<int, double[]> ZeroFraction { get; }

    public int ChainsPerDepth { get; }

    /// <summary>All chains drawn: depths × widths × chains per depth.</summary>
    public int Chains => Depths.Count * ZeroFraction.Count * ChainsPerDepth;

    /// <summary>Chains whose zero (or non-zero) first-layer gradient disagrees with a cut (or live) path.</summary>
    public int Mismatches { get; }

    /// <summary>A line per depth: the fraction of chains of each width with a zero first-layer gradient.</summary>
    public string Table() => string.Join("\n", Depths.Select((depth, d) =>
        $"depth {depth,2}: zero gradient in " + string.Join(", ", Widths.Select(w => $"{ZeroFraction[w][d]:P0} of {w}-unit chains"))));

    /// <summary>The fractions by depth on one line, then from which depth at least <paramref name="share"/> of the widest chains are cut.</summary>
    public string Summary(double share)
    {
        if (!(share > 0 && share <= 1)) throw new ArgumentOutOfRangeException(nameof(share), share, "the share must be in (0, 1].");
        int widest = Widths.Max();
        int first = Enumerable.Range(0, Depths.Count).FirstOrDefault(d => ZeroFraction[widest][d] >= share, -1);
        string units = widest switch { 1 => "one unit", 2 => "two units", _ => $"{widest} units" };
        return "random ReLU chains with an exactly zero first-layer gradient, " + string.Join(" / ", Widths.Select(w => w == 1 ? "1 unit" : $"{w} units")) +
               " per layer: " + string.Join(", ", Depths.Select((depth, d) => $"depth {depth}: " + string.Join(" / ", Widths.Select(w => $"{ZeroFraction[w][d]:P0}")))) +
               "\n" + units + " per layer: " + (first >= 0
                   ? $"at least {share:P0} of the chains are cut from depth {Depths[first]} on"
                   : $"fewer than {share:P0} of the chains are cut at every depth tried");
    }
}
