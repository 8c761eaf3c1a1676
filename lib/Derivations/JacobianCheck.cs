using MathNet.Numerics.LinearAlgebra;

namespace DlCourse.Derivations;

/// <summary>Compares an analytic m×n Jacobian J[k, i] = ∂f_k/∂x_i of f: ℝⁿ → ℝᵐ with central differences at a point.</summary>
public static class JacobianCheck
{
    public static DerivativeCheckResult Run(Func<double[], double[]> f, double[] x, Matrix<double> analyticJacobian,
        double tolerance = GradientCheck.DefaultTolerance, double step = FiniteDifferences.DefaultStep, string title = "Jacobian check")
    {
        ArgumentNullException.ThrowIfNull(x);
        ArgumentNullException.ThrowIfNull(analyticJacobian);
        var numeric = FiniteDifferences.Jacobian(f, x, step);
        if (analyticJacobian.RowCount != numeric.RowCount || analyticJacobian.ColumnCount != numeric.ColumnCount)
            throw new ArgumentException($"The analytic Jacobian is {analyticJacobian.RowCount}×{analyticJacobian.ColumnCount} but f maps {x.Length} inputs to {numeric.RowCount} outputs, " +
                $"so it must be {numeric.RowCount}×{x.Length} (rows = outputs, columns = inputs).", nameof(analyticJacobian));
        var entries = new List<DerivativeEntry>(numeric.RowCount * numeric.ColumnCount);
        for (int k = 0; k < numeric.RowCount; k++)
            for (int i = 0; i < numeric.ColumnCount; i++)
                entries.Add(DerivativeEntry.Compare($"J[{k},{i}]", analyticJacobian[k, i], numeric[k, i]));
        return new DerivativeCheckResult(title, entries, tolerance);
    }

    /// <summary>Same, with the analytic Jacobian given as a function evaluated at x.</summary>
    public static DerivativeCheckResult Run(Func<double[], double[]> f, Func<double[], Matrix<double>> jacobian, double[] x,
        double tolerance = GradientCheck.DefaultTolerance, double step = FiniteDifferences.DefaultStep, string title = "Jacobian check") =>
        Run(f, x, jacobian((double[])x.Clone()), tolerance, step, title);
}
