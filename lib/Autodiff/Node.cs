namespace DlCourse.Autodiff;

/// <summary>
/// A matrix in a computation (micrograd's Value, a matrix at a time): its value, the nodes it was computed from, and the
/// rule that passes its gradient back to them. <see cref="Backward"/> fills every node's gradient by reverse mode.
/// </summary>
/// <remarks>
/// The library's models write their loss forward with these operations and get the gradient from the chain rule of the
/// elementary ones (exp, log, sums, products, affine maps), so no model's gradient formula is written anywhere.
/// </remarks>
internal sealed partial class Node
{
    private readonly Node[] parents;
    private readonly Action<Node>? backward;
    private double[]? grad;

    private Node(double[] value, int rows, int columns, Node[] parents, Action<Node>? backward)
    {
        if (value.Length != rows * columns) throw new ArgumentException($"a {rows}×{columns} node needs {rows * columns} values, got {value.Length}.", nameof(value));
        Value = value;
        Rows = rows;
        Columns = columns;
        this.parents = parents;
        this.backward = backward;
    }

    public int Rows { get; }
    public int Columns { get; }

    /// <summary>The entries, row by row.</summary>
    public double[] Value { get; }

    /// <summary>∂(the result <see cref="Backward"/> was called on)/∂(each entry); zeros before it runs.</summary>
    public double[] Grad => grad ??= new double[Value.Length];

    /// <summary>The value of a 1 × 1 node.</summary>
    public double Item => Rows == 1 && Columns == 1 ? Value[0] : throw new InvalidOperationException($"a {Rows}×{Columns} node has no single value.");

    /// <summary>Data: a node no gradient flows into.</summary>
    public static Node Constant(double[] value, int rows, int columns) => new(value, rows, columns, [], null);

    /// <summary>A variable whose gradient, once <see cref="Backward"/> has filled it, is handed to <paramref name="addGradient"/>.</summary>
    public static Node Variable(ReadOnlySpan<float> value, int rows, int columns, Action<double[]> addGradient)
    {
        ArgumentNullException.ThrowIfNull(addGradient);
        var values = new double[value.Length];
        for (int i = 0; i < values.Length; i++) values[i] = value[i];
        return new(values, rows, columns, [], node => addGradient(node.Grad));
    }

    /// <summary>The same for a variable held in doubles.</summary>
    public static Node Variable(double[] value, int rows, int columns, Action<double[]> addGradient)
    {
        ArgumentNullException.ThrowIfNull(addGradient);
        return new((double[])value.Clone(), rows, columns, [], node => addGradient(node.Grad));
    }

    /// <summary>Fills the gradient of this 1 × 1 node with respect to every node it was computed from.</summary>
    public void Backward()
    {
        if (Rows != 1 || Columns != 1) throw new InvalidOperationException($"Backward starts from a single value (a loss), not a {Rows}×{Columns} node.");
        var order = new List<Node>();
        var seen = new HashSet<Node>(ReferenceEqualityComparer.Instance);
        Visit(this, order, seen);
        Grad[0] = 1;
        // Reverse topological order: a node passes its gradient back only after every node computed from it has.
        for (int i = order.Count - 1; i >= 0; i--) order[i].backward?.Invoke(order[i]);
    }

    private static void Visit(Node node, List<Node> order, HashSet<Node> seen)
    {
        if (!seen.Add(node)) return;
        foreach (var parent in node.parents) Visit(parent, order, seen);
        order.Add(node);
    }
}
