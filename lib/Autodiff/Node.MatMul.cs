namespace DlCourse.Autodiff;

/// <summary>The matrix product of two nodes.</summary>
internal sealed partial class Node
{
    /// <summary>AB for A n × p and B p × q.</summary>
    public static Node MatMul(Node a, Node b)
    {
        if (a.Columns != b.Rows) throw new ArgumentException($"a {a.Rows}×{a.Columns} and a {b.Rows}×{b.Columns} node do not multiply.");
        int n = a.Rows, p = a.Columns, q = b.Columns;
        var value = new double[n * q];
        for (int i = 0; i < n; i++)
            for (int k = 0; k < p; k++)
                for (int j = 0; j < q; j++) value[i * q + j] += a.Value[i * p + k] * b.Value[k * q + j];
        return new Node(value, n, q, [a, b], result =>
        {
            // ∂/∂A = G Bᵀ, ∂/∂B = Aᵀ G.
            var g = result.Grad;
            for (int i = 0; i < n; i++)
                for (int k = 0; k < p; k++)
                    for (int j = 0; j < q; j++)
                    {
                        a.Grad[i * p + k] += g[i * q + j] * b.Value[k * q + j];
                        b.Grad[k * q + j] += a.Value[i * p + k] * g[i * q + j];
                    }
        });
    }
}
