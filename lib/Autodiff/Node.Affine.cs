using DlCourse.Data;
using DlCourse.Numerics;

namespace DlCourse.Autodiff;

/// <summary>The affine map of a batch of data rows, XWᵀ + b, the one operation whose cost grows with the features.</summary>
internal sealed partial class Node
{
    /// <summary>
    /// Row r of the result holds W x + b for data row <paramref name="rows"/>[r]: (batch × units), W units × features, b one
    /// entry per unit. Computed in float, as the data and the models' parameters are.
    /// </summary>
    public static Node Affine(Dataset data, int[] rows, Node weights, Node bias)
    {
        ArgumentNullException.ThrowIfNull(data);
        ArgumentNullException.ThrowIfNull(rows);
        int units = weights.Rows, features = weights.Columns, m = rows.Length;
        if (data.FeatureCount != features) throw new ArgumentException($"the weights expect {features} features per example, the data has {data.FeatureCount}.", nameof(data));
        if (bias.Value.Length != units) throw new ArgumentException($"{units} units need {units} biases, got {bias.Value.Length}.", nameof(bias));
        var w = Array.ConvertAll(weights.Value, v => (float)v);
        var b = Array.ConvertAll(bias.Value, v => (float)v);

        var value = new double[m * units];
        new ParallelRows().Run(m, units * features, Span<float>.Empty, (start, end, _) =>
        {
            for (int r = start; r < end; r++)
            {
                var x = data.Row(rows[r]);
                for (int k = 0; k < units; k++) value[r * units + k] = VectorKernels.Dot(w.AsSpan(k * features, features), x) + b[k];
            }
            return 0;
        });

        return new Node(value, m, units, [weights, bias], result =>
        {
            // ∂/∂W_kj = Σ_r g_rk x_rj and ∂/∂b_k = Σ_r g_rk, summed in float per core as the data are float.
            var g = result.Grad;
            var total = new float[units * features + units];
            new ParallelRows().Run(m, 2 * units * features, total, (start, end, accumulator) =>
            {
                for (int r = start; r < end; r++)
                {
                    var x = data.Row(rows[r]);
                    for (int k = 0; k < units; k++)
                    {
                        float grk = (float)g[r * units + k];
                        VectorKernels.AddScaled(x, grk, accumulator.Slice(k * features, features));
                        accumulator[units * features + k] += grk;
                    }
                }
                return 0;
            });
            for (int i = 0; i < units * features; i++) weights.Grad[i] += total[i];
            for (int k = 0; k < units; k++) bias.Grad[k] += total[units * features + k];
        });
    }
}
