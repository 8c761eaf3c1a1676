namespace DlCourse.Autodiff;

/// <summary>Entry-by-entry operations; a binary one broadcasts a 1-row, 1-column or 1 × 1 operand as NumPy does.</summary>
internal sealed partial class Node
{
    public Node Exp() => Map(Math.Exp, (x, y) => y);

    public Node Log() => Map(Math.Log, (x, y) => 1 / x);

    public Node Square() => Map(x => x * x, (x, y) => 2 * x);

    public Node Tanh() => Map(Math.Tanh, (x, y) => 1 - y * y);

    public Node Sigmoid() => Map(Numerics.Sigmoid.Apply, (x, y) => Numerics.Sigmoid.Derivative(x));

    /// <summary>max(0, x), with derivative 0 at x ≤ 0 (the subgradient frameworks use).</summary>
    public Node Relu() => Map(x => Math.Max(0, x), (x, y) => x > 0 ? 1 : 0);

    public static Node operator +(Node a, Node b) => Combine(a, b, (x, y) => x + y, (x, y) => 1, (x, y) => 1);

    public static Node operator -(Node a, Node b) => Combine(a, b, (x, y) => x - y, (x, y) => 1, (x, y) => -1);

    public static Node operator *(Node a, Node b) => Combine(a, b, (x, y) => x * y, (x, y) => y, (x, y) => x);

    public static Node operator *(double c, Node a) => a.Map(x => c * x, (x, y) => c);

    /// <summary>f applied to every entry; <paramref name="derivative"/>(x, f(x)) is f′(x).</summary>
    private Node Map(Func<double, double> f, Func<double, double, double> derivative)
    {
        var value = Array.ConvertAll(Value, x => f(x));
        return new Node(value, Rows, Columns, [this], result =>
        {
            var (g, input) = (result.Grad, Grad);
            for (int i = 0; i < value.Length; i++) input[i] += g[i] * derivative(Value[i], value[i]);
        });
    }

    private static Node Combine(Node a, Node b, Func<double, double, double> f, Func<double, double, double> dfda, Func<double, double, double> dfdb)
    {
        int rows = BroadcastSize(a.Rows, b.Rows, a, b), columns = BroadcastSize(a.Columns, b.Columns, a, b);
        var value = new double[rows * columns];
        for (int i = 0; i < rows; i++)
            for (int j = 0; j < columns; j++) value[i * columns + j] = f(a.Value[a.Index(i, j)], b.Value[b.Index(i, j)]);
        return new Node(value, rows, columns, [a, b], result =>
        {
            var (g, ga, gb) = (result.Grad, a.Grad, b.Grad);
            for (int i = 0; i < rows; i++)
                for (int j = 0; j < columns; j++)
                {
                    int ia = a.Index(i, j), ib = b.Index(i, j);
                    double x = a.Value[ia], y = b.Value[ib], gij = g[i * columns + j];
                    ga[ia] += gij * dfda(x, y);
                    gb[ib] += gij * dfdb(x, y);
                }
        });
    }

    /// <summary>Where entry (i, j) of a broadcast result reads this node.</summary>
    private int Index(int i, int j) => (Rows == 1 ? 0 : i) * Columns + (Columns == 1 ? 0 : j);

    private static int BroadcastSize(int x, int y, Node a, Node b) =>
        x == y || y == 1 ? x : x == 1 ? y
        : throw new ArgumentException($"a {a.Rows}×{a.Columns} and a {b.Rows}×{b.Columns} node do not broadcast together.");
}
