using DlCourse.Data;
using DlCourse.Derivations;
using DlCourse.Numerics;
using MathNet.Numerics.LinearAlgebra;

namespace DlCourse.Tests.Derivations;

public class InputScalingCurvatureTests
{
    private static readonly Dataset Data = new([3f, 10f, 5f, 14f, 4f, 8f, 7f, 12f, 2f, 11f], 2, [0, 1, 0, 1, 1]);

    // H = (1/m) Σ σ′(z_i) x̃_i x̃_iᵀ written out, for inputs already transformed.
    private static SymmetricEigen Direct(Func<int, int, double> x, double[] theta)
    {
        var h = Matrix<double>.Build.Dense(3, 3);
        for (int i = 0; i < Data.Count; i++)
        {
            double[] xt = [x(i, 0), x(i, 1), 1];
            double p = 1 / (1 + Math.Exp(-(theta[0] * xt[0] + theta[1] * xt[1] + theta[2])));
            for (int r = 0; r < 3; r++)
                for (int c = 0; c < 3; c++) h[r, c] += p * (1 - p) * xt[r] * xt[c] / Data.Count;
        }
        return new SymmetricEigen(h);
    }

    [Fact]
    public void Rows_match_the_hessian_written_out_for_each_choice_of_inputs()
    {
        float[] theta = [0.2f, -0.1f, 0.3f];
        var curvature = InputScalingCurvature.Of(Data, theta);
        double[] mean = [4.2, 11], sd = [Math.Sqrt(2.96), Math.Sqrt(4)];
        double[] squares = [(9 + 25 + 16 + 49 + 4) / 5.0, (100 + 196 + 64 + 144 + 121) / 5.0];
        for (int j = 0; j < 2; j++)
        {
            Assert.Equal(mean[j], curvature.Means[j], 12);
            Assert.Equal(sd[j], curvature.StandardDeviations[j], 12);
            Assert.Equal(squares[j], curvature.MeanSquares[j], 10);
        }
        double b = 0.3f + 0.2f * 4.2 + -0.1f * 11;
        var expected = new[]
        {
            Direct((i, j) => Data[i, j], [0.2f, -0.1f, 0.3f]),
            Direct((i, j) => Data[i, j] - mean[j], [0.2f, -0.1f, b]),
            Direct((i, j) => (Data[i, j] - mean[j]) / sd[j], [0.2f * sd[0], -0.1f * sd[1], b]),
        };
        Assert.Equal(["as given", "centred x − x̄", "standardised (x − x̄)/s"], curvature.Rows.Select(r => r.Inputs));
        for (int k = 0; k < 3; k++)
        {
            Assert.Equal(expected[k].Largest, curvature.Rows[k].Largest, 8);
            Assert.Equal(expected[k].Smallest, curvature.Rows[k].Smallest, 8);
            Assert.Equal(expected[k].ConditionNumber, curvature.Rows[k].ConditionNumber, 6);
        }
        // Inputs far from 0 make the problem ill-conditioned; standardising them helps.
        Assert.True(curvature.Rows[2].ConditionNumber < curvature.Rows[0].ConditionNumber);
        Assert.StartsWith("inputs: means (4.20, 11.00), standard deviations (1.72, 2.00), E[x₁²] = 20.6, E[x₂²] = 125.0; the bias's input is 1\ninputs as given ",
            curvature.ToString());
    }

    [Fact]
    public void Squared_error_rows_match_closed_forms()
    {
        // One input: H = 2 [[E[x²], E[x]], [E[x], 1]]; centred it is diag(2s², 2), standardised 2I.
        var data = Dataset.Regression([1.0, 2.0, 4.0, 5.0], [0.0, 1.0, 0.0, 3.0]);
        var curvature = InputScalingCurvature.OfSquaredError(data);
        var given = new SymmetricEigen(Matrix<double>.Build.DenseOfArray(new[,] { { 2 * 11.5, 2 * 3.0 }, { 2 * 3.0, 2.0 } }));
        Assert.Equal(given.Largest, curvature.Rows[0].Largest, 10);
        Assert.Equal(given.Smallest, curvature.Rows[0].Smallest, 10);
        Assert.Equal(2 * 2.5, curvature.Rows[1].Largest, 10);
        Assert.Equal(2.0, curvature.Rows[1].Smallest, 10);
        Assert.Equal(2.5, curvature.Rows[1].ConditionNumber, 10);
        Assert.Equal(1.0, curvature.Rows[2].ConditionNumber, 10);
        Assert.Throws<ArgumentException>(() => InputScalingCurvature.OfSquaredError(Dataset.Regression([1.0, 1.0], [0.0, 1.0])));
        Assert.Throws<ArgumentNullException>(() => InputScalingCurvature.OfSquaredError(null!));
    }

    [Fact]
    public void Arguments_are_validated()
    {
        Assert.Throws<ArgumentException>(() => InputScalingCurvature.Of(Data, [0f, 0f]));
        Assert.Throws<ArgumentException>(() => InputScalingCurvature.Of(new Dataset([1f, 2f, 1f, 3f], 2, [0, 1]), [0f, 0f, 0f]));
        Assert.Throws<ArgumentNullException>(() => InputScalingCurvature.Of(null!, [0f, 0f, 0f]));
    }
}
