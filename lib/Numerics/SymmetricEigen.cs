using MathNet.Numerics.LinearAlgebra;

namespace DlCourse.Numerics;

/// <summary>The eigenvalues of a symmetric matrix from largest to smallest, each with its unit eigenvector, e.g. a
/// Hessian's curvatures and the directions that have them.</summary>
public sealed class SymmetricEigen
{
    /// <param name="matrix">Square and symmetric to within 1e-10 of its largest entry (rounding); its mean with its transpose is decomposed.</param>
    public SymmetricEigen(Matrix<double> matrix)
    {
        ArgumentNullException.ThrowIfNull(matrix);
        if (matrix.RowCount != matrix.ColumnCount || matrix.RowCount == 0)
            throw new ArgumentException($"Expected a non-empty square matrix but got {matrix.RowCount} × {matrix.ColumnCount}.", nameof(matrix));
        if (matrix.Enumerate().Any(v => !double.IsFinite(v))) throw new ArgumentException("The matrix has a NaN or infinite entry.", nameof(matrix));
        double scale = matrix.Enumerate().Max(Math.Abs);
        if ((matrix - matrix.Transpose()).Enumerate().Max(Math.Abs) > 1e-10 * scale)
            throw new ArgumentException("The matrix is not symmetric.", nameof(matrix));
        var evd = ((matrix + matrix.Transpose()) / 2).Evd(Symmetricity.Symmetric);
        var order = Enumerable.Range(0, matrix.RowCount).OrderByDescending(k => evd.EigenValues[k].Real).ToArray();
        Values = order.Select(k => evd.EigenValues[k].Real).ToArray();
        Vectors = order.Select(k => evd.EigenVectors.Column(k).ToArray()).ToArray();
    }

    /// <summary>λ₁ ≥ λ₂ ≥ … ≥ λₙ.</summary>
    public IReadOnlyList<double> Values { get; }

    /// <summary>Vectors[k] is the unit eigenvector of Values[k].</summary>
    public IReadOnlyList<double[]> Vectors { get; }

    public double Largest => Values[0];
    public double Smallest => Values[^1];

    /// <summary>The smallest eigenvalue over several symmetric matrices, e.g. the least curvature of a Hessian taken at many points.</summary>
    public static double SmallestOf(IEnumerable<Matrix<double>> matrices)
    {
        ArgumentNullException.ThrowIfNull(matrices);
        var all = matrices.ToList();
        if (all.Count == 0) throw new ArgumentException("There are no matrices; pass at least one.", nameof(matrices));
        return all.Min(m => new SymmetricEigen(m).Smallest);
    }

    /// <summary>κ = λ_max / λ_min: how much more steeply a quadratic with this Hessian curves along its steepest direction than its flattest.</summary>
    public double ConditionNumber => Largest / Smallest;

    /// <summary>A line per eigenvalue, largest first, with its eigenvector's components, which <paramref name="names"/> label.</summary>
    public string Table(params string[] names)
    {
        ArgumentNullException.ThrowIfNull(names);
        if (names.Length != Values.Count)
            throw new ArgumentException($"Expected a name for each of the {Values.Count} components, got {names.Length}.", nameof(names));
        return string.Join("\n", Values.Select((value, k) =>
            $"λ = {value,7:F3}   eigenvector ({string.Join(", ", names)}) = ({string.Join(", ", Vectors[k].Select(v => $"{v,6:F3}"))})"));
    }
}
