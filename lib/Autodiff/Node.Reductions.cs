namespace DlCourse.Autodiff;

/// <summary>Sums over rows or over everything, side-by-side columns, and log-sum-exp built from them.</summary>
internal sealed partial class Node
{
    /// <summary>The sum of each row (Rows × 1).</summary>
    public Node RowSum()
    {
        var value = new double[Rows];
        for (int i = 0; i < Rows; i++)
            for (int j = 0; j < Columns; j++) value[i] += Value[i * Columns + j];
        return new Node(value, Rows, 1, [this], result =>
        {
            for (int i = 0; i < Rows; i++)
                for (int j = 0; j < Columns; j++) Grad[i * Columns + j] += result.Grad[i];
        });
    }

    /// <summary>The sum of every entry (1 × 1).</summary>
    public Node Sum()
    {
        double total = 0;
        foreach (var x in Value) total += x;
        return new Node([total], 1, 1, [this], result =>
        {
            for (int i = 0; i < Value.Length; i++) Grad[i] += result.Grad[0];
        });
    }

    /// <summary>The mean of every entry (1 × 1).</summary>
    public Node Mean() => (1.0 / Value.Length) * Sum();

    /// <summary>Each row's largest entry as a constant (Rows × 1): a shift that changes no gradient, so none flows through it.</summary>
    public Node RowMaxConstant()
    {
        var value = new double[Rows];
        for (int i = 0; i < Rows; i++)
        {
            value[i] = double.NegativeInfinity;
            for (int j = 0; j < Columns; j++) value[i] = Math.Max(value[i], Value[i * Columns + j]);
        }
        return Constant(value, Rows, 1);
    }

    /// <summary>log Σ_j exp(x_ij) for each row (Rows × 1), shifted by the row's maximum so that no exp overflows.</summary>
    public Node LogSumExpRows()
    {
        var shift = RowMaxConstant();
        return (this - shift).Exp().RowSum().Log() + shift;
    }

    /// <summary>The nodes side by side: same number of rows, columns one after another.</summary>
    public static Node SideBySide(params Node[] parts)
    {
        if (parts.Length == 0) throw new ArgumentException("give at least one node.", nameof(parts));
        int rows = parts[0].Rows, columns = parts.Sum(p => p.Columns);
        if (parts.Any(p => p.Rows != rows)) throw new ArgumentException($"side-by-side nodes need the same number of rows; got {string.Join(", ", parts.Select(p => p.Rows))}.", nameof(parts));
        var value = new double[rows * columns];
        int at = 0;
        foreach (var part in parts)
        {
            for (int i = 0; i < rows; i++) Array.Copy(part.Value, i * part.Columns, value, i * columns + at, part.Columns);
            at += part.Columns;
        }
        return new Node(value, rows, columns, parts, result =>
        {
            int from = 0;
            foreach (var part in parts)
            {
                for (int i = 0; i < rows; i++)
                    for (int j = 0; j < part.Columns; j++) part.Grad[i * part.Columns + j] += result.Grad[i * columns + from + j];
                from += part.Columns;
            }
        });
    }
}
