using DlCourse.Autodiff;

namespace DlCourse.Models;

/// <summary>One backward pass of a <see cref="DeepChain"/>: the output, the error, every pre-activation and every gradient.</summary>
public sealed record ChainGradients(double Output, double Error, double[][] PreActivations, double[][] WeightGradients, double[][] BiasGradients)
{
    /// <summary>‖∂E/∂W⁽ˡ⁾‖ (Frobenius) for each layer l = 1..L, the quantity that vanishes in deep sigmoid chains.</summary>
    public double[] WeightGradientNorms => WeightGradients.Select(g => Math.Sqrt(g.Sum(v => v * v))).ToArray();
}

/// <summary>
/// A deep, narrow network for the vanishing-gradient question: a scalar input, <see cref="Layers"/> layers of
/// <see cref="Width"/> units each (fully connected between consecutive layers), output y = Σ units of the last layer,
/// error E = ½(y − t)². Layer l computes a⁽ˡ⁾ = W⁽ˡ⁾h⁽ˡ⁻¹⁾ + b⁽ˡ⁾, h⁽ˡ⁾ = act(a⁽ˡ⁾), with h⁽⁰⁾ = x.
/// </summary>
public sealed class DeepChain
{
    public DeepChain(int layers, int width, Activation activation)
    {
        if (layers < 1 || width < 1) throw new ArgumentOutOfRangeException(nameof(layers), "a chain needs at least one layer of at least one unit");
        if (activation is not (Activation.Sigmoid or Activation.ReLU or Activation.Tanh))
            throw new ArgumentOutOfRangeException(nameof(activation), activation, "a DeepChain derives sigmoid, ReLU and tanh by hand; use DlCourse.Torch for the others");
        Layers = layers;
        Width = width;
        Activation = activation;
        // W⁽ˡ⁾ is width × (inputs of layer l), row by row; the first layer has one input.
        Weights = Enumerable.Range(0, layers).Select(l => new double[width * (l == 0 ? 1 : width)]).ToArray();
        Biases = Enumerable.Range(0, layers).Select(_ => new double[width]).ToArray();
    }

    /// <summary>Weights drawn from N(mean, scale²) and biases from N(0, biasScale²), reproducible from the seed.</summary>
    public static DeepChain Random(int layers, int width, Activation activation, int seed, double scale = 1, double mean = 0, double biasScale = 0)
    {
        var chain = new DeepChain(layers, width, activation);
        var random = new Random(seed);
        foreach (var w in chain.Weights) for (int i = 0; i < w.Length; i++) w[i] = mean + scale * Data.Synthetic.Normal(random);
        foreach (var b in chain.Biases) for (int i = 0; i < b.Length; i++) b[i] = biasScale * Data.Synthetic.Normal(random);
        return chain;
    }

    public int Layers { get; }
    public int Width { get; }
    public Activation Activation { get; }
    public double[][] Weights { get; }
    public double[][] Biases { get; }

    /// <summary>E = ½(y − t)² for input x.</summary>
    public double Error(double x, double t) => Backward(x, t).Error;

    /// <summary>A forward pass, then the gradient of E with respect to every weight and bias by reverse-mode differentiation.</summary>
    public ChainGradients Backward(double x, double t)
    {
        var weightGradients = new double[Layers][];
        var biasGradients = new double[Layers][];
        var preActivations = new Node[Layers];
        var h = Node.Constant([x], 1, 1);
        for (int l = 0; l < Layers; l++)
        {
            int layer = l;
            var w = Node.Variable(Weights[l], Width, h.Rows, g => weightGradients[layer] = (double[])g.Clone());
            var b = Node.Variable(Biases[l], Width, 1, g => biasGradients[layer] = (double[])g.Clone());
            preActivations[l] = Node.MatMul(w, h) + b;
            h = Activation switch
            {
                Activation.Sigmoid => preActivations[l].Sigmoid(),
                Activation.ReLU => preActivations[l].Relu(),
                _ => preActivations[l].Tanh(),
            };
        }
        var y = h.Sum();
        var error = 0.5 * (y - Node.Constant([t], 1, 1)).Square();
        error.Backward();
        return new ChainGradients(y.Item, error.Item, [.. preActivations.Select(a => a.Value)], weightGradients, biasGradients);
    }

    /// <summary>True when, in <paramref name="pass"/>, some path from a unit of layer 1 to the output runs only through units with
    /// a > 0 over non-zero weights: for ReLU, the condition for a non-zero first-layer gradient (y ≠ t, x ≠ 0).</summary>
    public bool HasActivePath(ChainGradients pass)
    {
        ArgumentNullException.ThrowIfNull(pass);
        if (pass.PreActivations.Length != Layers || pass.PreActivations.Any(a => a.Length != Width))
            throw new ArgumentException($"Expected the pre-activations of {Layers} layers of {Width} units, from this chain's Backward.", nameof(pass));
        // Walk down from the output: a unit is live when it is active and feeds a live unit of the layer above.
        var live = pass.PreActivations[Layers - 1].Select(a => a > 0).ToArray();
        for (int l = Layers - 2; l >= 0; l--)
        {
            var above = live;
            live = Enumerable.Range(0, Width).Select(i => pass.PreActivations[l][i] > 0 &&
                Enumerable.Range(0, Width).Any(j => above[j] && Weights[l + 1][j * Width + i] != 0)).ToArray();
        }
        return live.Any(v => v);
    }

    /// <summary>Every weight then every bias, layer by layer, as one vector (for gradient checks).</summary>
    public double[] GetParameters() => Weights.SelectMany(w => w).Concat(Biases.SelectMany(b => b)).ToArray();

    public void SetParameters(double[] theta)
    {
        int at = 0;
        foreach (var w in Weights) { Array.Copy(theta, at, w, 0, w.Length); at += w.Length; }
        foreach (var b in Biases) { Array.Copy(theta, at, b, 0, b.Length); at += b.Length; }
        if (at != theta.Length) throw new ArgumentException($"the chain has {at} parameters, θ has {theta.Length}");
    }

    /// <summary>The gradient in the order of <see cref="GetParameters"/>.</summary>
    public double[] Gradient(double x, double t)
    {
        var g = Backward(x, t);
        return g.WeightGradients.SelectMany(v => v).Concat(g.BiasGradients.SelectMany(v => v)).ToArray();
    }
}
