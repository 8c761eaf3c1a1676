using DlCourse.Autodiff;
using DlCourse.Data;
using DlCourse.Derivations;
using DlCourse.Tests.Numerics;

namespace DlCourse.Tests.Autodiff;

/// <summary>Reverse mode against central differences and closed forms, operation by operation and composed.</summary>
public class NodeTests
{
    /// <summary>The gradient Backward gives for f at x, f built afresh on a variable holding x.</summary>
    private static double[] GradientOf(Func<Node, Node> f, double[] x, int rows, int columns)
    {
        var gradient = new double[x.Length];
        var input = Node.Variable(Array.ConvertAll(x, v => (float)v), rows, columns, g => g.CopyTo(gradient, 0));
        f(input).Backward();
        return gradient;
    }

    private static double ValueOf(Func<Node, Node> f, double[] x, int rows, int columns) =>
        f(Node.Constant(x, rows, columns)).Item;

    private static void AssertMatchesFiniteDifferences(Func<Node, Node> f, int rows, int columns, int seed)
    {
        // Float-exact inputs, so that the variable (which stores floats) and the differenced constant see the same point.
        var x = TestData.Normal(new Random(seed), rows * columns, 1.5).Select(v => (double)(float)v).ToArray();
        var check = GradientCheck.Run(v => ValueOf(f, v, rows, columns), x, GradientOf(f, x, rows, columns));
        Assert.True(check.Passed, check.ToString());
    }

    public static TheoryData<string> Expressions() => [.. Composed.Keys];

    private static readonly Dictionary<string, Func<Node, Node>> Composed = new()
    {
        ["exp, log, square"] = x => (x.Square() + Node.Constant([1], 1, 1)).Log().Exp().Sum(),
        ["products with itself and a constant"] = x => (x * x * Node.Constant([1, -2, 3, 0.5, 2, -1], 3, 2)).Mean(),
        ["a row vector and a column broadcast"] = x => ((x - Node.Constant([1, 2], 1, 2)) * (x + Node.Constant([3, -1, 2], 3, 1))).Sum(),
        ["row sums and scaling"] = x => (2.5 * x.RowSum().Square()).Sum(),
        ["log-sum-exp of each row"] = x => x.LogSumExpRows().Mean(),
        ["side by side with zeros"] = x => Node.SideBySide(Node.Constant(new double[3], 3, 1), x, x).LogSumExpRows().Sum(),
    };

    [Theory]
    [MemberData(nameof(Expressions))]
    public void Every_operation_s_gradient_matches_central_differences(string expression)
    {
        foreach (int seed in new[] { 1, 2, 3 }) AssertMatchesFiniteDifferences(Composed[expression], 3, 2, seed);
    }

    [Fact]
    public void Log_sum_exp_is_finite_for_huge_logits_and_its_gradient_is_the_softmax()
    {
        double[] z = [1e4, -1e4, 1e4 - 1];
        var lse = Node.Constant(z, 1, 3).LogSumExpRows();
        Assert.Equal(1e4 + Math.Log(1 + Math.Exp(-1)), lse.Item, 9);

        var gradient = GradientOf(x => x.LogSumExpRows().Sum(), z, 1, 3);
        double e = Math.Exp(-1);
        Assert.Equal([1 / (1 + e), 0, e / (1 + e)], gradient, (a, b) => Math.Abs(a - b) < 1e-12);
    }

    [Fact]
    public void Affine_map_of_data_rows_matches_its_definition_and_its_transpose()
    {
        var rng = new Random(5);
        var features = TestData.Normal(rng, 7 * 4).Select(v => (float)v).ToArray();
        var data = new Dataset(features, 4, [0, 1, 2, 0, 1, 2, 0]);
        var w = TestData.Normal(rng, 3 * 4).Select(v => (float)v).ToArray();
        var b = TestData.Normal(rng, 3).Select(v => (float)v).ToArray();
        var upstream = TestData.Normal(rng, 5 * 3);
        int[] rows = [6, 0, 2, 2, 5];

        var (gw, gb) = (new double[w.Length], new double[b.Length]);
        var z = Node.Affine(data, rows, Node.Variable(w, 3, 4, g => g.CopyTo(gw, 0)), Node.Variable(b, 3, 1, g => g.CopyTo(gb, 0)));
        (z * Node.Constant(upstream, 5, 3)).Sum().Backward();

        for (int r = 0; r < rows.Length; r++)
            for (int k = 0; k < 3; k++)
                Assert.Equal(Enumerable.Range(0, 4).Sum(j => (double)w[k * 4 + j] * data[rows[r], j]) + b[k], z.Value[r * 3 + k], 5);
        // ∂/∂W = Gᵀ X over the batch (a row used twice counts twice), ∂/∂b = column sums of G.
        for (int k = 0; k < 3; k++)
        {
            Assert.Equal(Enumerable.Range(0, rows.Length).Sum(r => upstream[r * 3 + k]), gb[k], 5);
            for (int j = 0; j < 4; j++)
                Assert.Equal(Enumerable.Range(0, rows.Length).Sum(r => upstream[r * 3 + k] * data[rows[r], j]), gw[k * 4 + j], 5);
        }
    }

    [Fact]
    public void Backward_needs_a_single_value_and_shapes_must_broadcast()
    {
        var x = Node.Constant([1, 2, 3, 4, 5, 6], 2, 3);
        Assert.Contains("single value", Assert.Throws<InvalidOperationException>(x.Backward).Message);
        Assert.Contains("do not broadcast", Assert.Throws<ArgumentException>(() => x + Node.Constant([1, 2], 2, 1) * Node.Constant([1, 2, 3], 1, 3) + Node.Constant([1, 2], 1, 2)).Message);
        Assert.Contains("same number of rows", Assert.Throws<ArgumentException>(() => Node.SideBySide(x, Node.Constant([1], 1, 1))).Message);
        Assert.Throws<ArgumentException>(() => Node.Constant([1, 2, 3], 2, 2));
    }

    [Fact]
    public void Not_a_number_in_the_input_reaches_the_value_and_the_gradient()
    {
        var gradient = GradientOf(x => x.LogSumExpRows().Sum(), [1, double.NaN, 0], 1, 3);
        Assert.True(double.IsNaN(ValueOf(x => x.LogSumExpRows().Sum(), [1, double.NaN, 0], 1, 3)));
        Assert.All(gradient, g => Assert.True(double.IsNaN(g)));
    }
}
