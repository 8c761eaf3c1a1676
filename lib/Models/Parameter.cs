namespace DlCourse.Models;

/// <summary>
/// One named block of a model's parameters (W, b, …) with its shape: its <see cref="Value"/> and its <see cref="Grad"/>
/// are views of the model's one parameter vector and one gradient vector, which the optimizers update as a whole.
/// </summary>
public sealed class Parameter
{
    private readonly Model owner;
    private readonly int offset;

    internal Parameter(Model owner, string name, int rows, int columns, int offset)
    {
        this.owner = owner;
        this.offset = offset;
        Name = name;
        Rows = rows;
        Columns = columns;
    }

    public string Name { get; }
    public int Rows { get; }
    public int Columns { get; }
    public int Count => Rows * Columns;

    /// <summary>The block's values: <c>W.Value[k, j]</c>, <c>W.Value.Row(k)</c>, <c>b.Value[k]</c>.</summary>
    public Block Value => new(owner.Parameters, offset, Rows, Columns);

    /// <summary>The block's gradient, the same shape: <c>W.Grad[k, j] += e * x[j]</c>. Zero when a gradient pass starts.</summary>
    public Block Grad => new(owner.Gradient, offset, Rows, Columns);

    /// <summary>The block as a variable of a computation (reshaped to rows × columns if given); its gradient is added into <see cref="Grad"/>.</summary>
    internal Autodiff.Node AsNode(int? rows = null, int? columns = null) =>
        Autodiff.Node.Variable(Value, rows ?? Rows, columns ?? Columns, gradient =>
        {
            var grad = Grad.AsSpan();
            for (int i = 0; i < grad.Length; i++) grad[i] += (float)gradient[i];
        });

    /// <summary>"W[0,1]" or "b[2]": the name of each entry in the order of the parameter vector, for gradient-check tables.</summary>
    public IEnumerable<string> EntryNames() =>
        Count == 1 ? [Name]
        : Columns == 1 ? Enumerable.Range(0, Rows).Select(i => $"{Name}[{i}]")
        : from r in Enumerable.Range(0, Rows) from c in Enumerable.Range(0, Columns) select $"{Name}[{r},{c}]";

    public override string ToString() => Columns == 1 ? $"{Name} ({Rows})" : $"{Name} ({Rows}×{Columns})";
}

/// <summary>A rows × columns view, row by row, of part of a float vector: a parameter block or its gradient.</summary>
public readonly struct Block
{
    private readonly float[] data;
    private readonly int offset;

    internal Block(float[] data, int offset, int rows, int columns)
    {
        this.data = data;
        this.offset = offset;
        Rows = rows;
        Columns = columns;
    }

    public int Rows { get; }
    public int Columns { get; }
    public int Count => Rows * Columns;

    /// <summary>Entry (row, column); assignable, so <c>W.Grad[k, j] += …</c> works.</summary>
    public ref float this[int row, int column]
    {
        get
        {
            if ((uint)row >= (uint)Rows || (uint)column >= (uint)Columns)
                throw new IndexOutOfRangeException($"[{row}, {column}] is outside a {Rows}×{Columns} block.");
            return ref data[offset + row * Columns + column];
        }
    }

    /// <summary>Entry i of the block read row by row (the i-th entry of a vector such as b).</summary>
    public ref float this[int index]
    {
        get
        {
            if ((uint)index >= (uint)Count) throw new IndexOutOfRangeException($"{index} is outside a block of {Count} entries.");
            return ref data[offset + index];
        }
    }

    /// <summary>Row <paramref name="row"/> (for W, the weights of one class or unit).</summary>
    public Span<float> Row(int row)
    {
        if ((uint)row >= (uint)Rows) throw new IndexOutOfRangeException($"row {row} is outside a block of {Rows} rows.");
        return data.AsSpan(offset + row * Columns, Columns);
    }

    public Span<float> AsSpan() => data.AsSpan(offset, Count);

    public float[] ToArray() => AsSpan().ToArray();

    public static implicit operator Span<float>(Block block) => block.AsSpan();

    public static implicit operator ReadOnlySpan<float>(Block block) => block.AsSpan();
}
