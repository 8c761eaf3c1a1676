using DlCourse.Data;

namespace DlCourse.Models;

/// <summary>
/// The one model protocol: named parameter blocks declared in the constructor, and a loss with its gradient. The
/// <see cref="Optimization.Trainer"/> trains any subclass — the course's models and the ones written in a notebook.
/// </summary>
/// <example><code>
/// class Line : Model
/// {
///     public readonly Parameter w, b;
///     public Line() { w = AddParameter("w", 1); b = AddParameter("b", 1); }
///     protected override double Backward(Dataset data, int[] rows) { … w.Grad[0] += …; return loss; }
/// }
/// </code></example>
public abstract class Model
{
    private readonly List<Parameter> blocks;
    private int[] allRows = [];
    private bool inBackward;

    protected Model() => blocks = [];

    /// <summary>A view of <paramref name="shared"/>: the same blocks, parameter vector and gradient (for the library's adapters).</summary>
    private protected Model(Model shared)
    {
        ArgumentNullException.ThrowIfNull(shared);
        blocks = shared.blocks;
        Parameters = shared.Parameters;
        Gradient = shared.Gradient;
    }

    /// <summary>Every parameter in one vector, block after block in declaration order; optimizers update it in place.</summary>
    public float[] Parameters { get; private set; } = [];

    /// <summary>The gradient of the last <see cref="LossAndGradient"/>, laid out like <see cref="Parameters"/>.</summary>
    public float[] Gradient { get; private set; } = [];

    /// <summary>The named blocks, in the order they were declared.</summary>
    public IReadOnlyList<Parameter> Blocks => blocks;

    /// <summary>Declares a block of zeros of shape rows × columns (a vector when columns is 1); call it from the constructor.</summary>
    protected Parameter AddParameter(string name, int rows, int columns = 1)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        ArgumentOutOfRangeException.ThrowIfLessThan(rows, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(columns, 1);
        if (blocks.Any(b => b.Name == name)) throw new ArgumentException($"the model already has a parameter named {name}.", nameof(name));
        var block = new Parameter(this, name, rows, columns, Parameters.Length);
        // Blocks read the vectors through the model, so growing them here leaves earlier blocks valid.
        Parameters = [.. Parameters, .. new float[block.Count]];
        Gradient = new float[Parameters.Length];
        blocks.Add(block);
        return block;
    }

    /// <summary>The mean loss over <paramref name="rows"/> of the data (all rows when null), its gradient left in each block's <c>Grad</c>.</summary>
    public double LossAndGradient(Dataset data, int[]? rows = null)
    {
        ArgumentNullException.ThrowIfNull(data);
        if (Parameters.Length == 0) throw new InvalidOperationException($"{GetType().Name} has no parameters: declare them with AddParameter in its constructor.");
        if (rows is { Length: 0 }) throw new ArgumentException("the batch is empty.", nameof(rows));
        Array.Clear(Gradient);
        inBackward = true;
        try { return Backward(data, rows ?? AllRows(data)); }
        finally { inBackward = false; }
    }

    /// <summary>Writes the gradient of the mean loss over <paramref name="rows"/> into the blocks' <c>Grad</c> (zero on entry) and returns that loss.</summary>
    protected abstract double Backward(Dataset data, int[] rows);

    /// <summary>The mean loss over the whole data set (plus any penalty). Models override it with a pass that skips the gradient.</summary>
    public virtual double Loss(Dataset data) => LossOn(data, null);

    /// <summary>The mean loss over <paramref name="rows"/>, leaving <see cref="Gradient"/> as it was.</summary>
    public virtual double Loss(Dataset data, int[] rows) => LossOn(data, rows);

    /// <summary>Fraction of correctly classified rows; NaN (not measured, as in a history) for a model that does not classify.</summary>
    public virtual double Accuracy(Dataset data) => double.NaN;

    /// <summary>What <paramref name="evaluate"/> gives with <paramref name="theta"/> in place of the parameters; parameters and gradient are restored after.</summary>
    public T At<T>(ReadOnlySpan<float> theta, Func<Model, T> evaluate)
    {
        if (theta.Length != Parameters.Length)
            throw new ArgumentException($"the model has {Parameters.Length} parameters, {theta.Length} were given.", nameof(theta));
        var (parameters, gradient) = (Parameters.ToArray(), Gradient.ToArray());
        theta.CopyTo(Parameters);
        try { return evaluate(this); }
        finally
        {
            parameters.CopyTo(Parameters, 0);
            gradient.CopyTo(Gradient, 0);
        }
    }

    /// <summary>The name of every entry of <see cref="Parameters"/>: "W[0,1]", …, "b[2]".</summary>
    public IReadOnlyList<string> ParameterNames => [.. blocks.SelectMany(b => b.EntryNames())];

    public override string ToString() => $"{GetType().Name}: {string.Join(", ", blocks)}; {Parameters.Length} parameters";

    private double LossOn(Dataset data, int[]? rows)
    {
        // The default loss runs Backward, so Backward calling it would recurse until the stack overflows.
        if (inBackward)
            throw new InvalidOperationException($"{GetType().Name}.Backward asked for Loss, which {GetType().Name} computes by running Backward: compute the loss in Backward, or override Loss.");
        var gradient = Gradient.ToArray();
        try { return LossAndGradient(data, rows); }
        finally { gradient.CopyTo(Gradient, 0); }
    }

    private protected int[] AllRows(Dataset data)
    {
        if (allRows.Length != data.Count) allRows = Enumerable.Range(0, data.Count).ToArray();
        return allRows;
    }
}
