using DlCourse.Numerics;
using MathNet.Numerics.LinearAlgebra;

namespace DlCourse.Tests.Numerics;

public class SymmetricEigenTableTests
{
    [Fact]
    public void A_line_per_eigenvalue_largest_first_with_its_labelled_vector()
    {
        // [[2, 1], [1, 2]] has λ = 3 along (1, 1)/√2 and λ = 1 along (1, −1)/√2 (each up to sign).
        var eigen = new SymmetricEigen(Matrix<double>.Build.DenseOfArray(new double[,] { { 2, 1 }, { 1, 2 } }));
        var lines = eigen.Table("w", "b").Split('\n');
        Assert.Equal(2, lines.Length);
        Assert.Matches(@"^λ =   3\.000   eigenvector \(w, b\) = \((-0\.707, -0\.707| 0\.707,  0\.707)\)$", lines[0]);
        Assert.Matches(@"^λ =   1\.000   eigenvector \(w, b\) = \((-0\.707,  0\.707| 0\.707, -0\.707)\)$", lines[1]);
    }

    [Fact]
    public void Smallest_of_several_is_the_least_eigenvalue_of_any_of_them()
    {
        // diag(3, 1) and [[0, 2], [2, 0]] (eigenvalues ±2) and [[2, 1], [1, 2]] (3 and 1): the least is −2.
        var matrices = new[] { new double[,] { { 3, 0 }, { 0, 1 } }, new double[,] { { 0, 2 }, { 2, 0 } }, new double[,] { { 2, 1 }, { 1, 2 } } }
            .Select(Matrix<double>.Build.DenseOfArray).ToList();
        Assert.Equal(-2, SymmetricEigen.SmallestOf(matrices), 12);
        Assert.Equal(1, SymmetricEigen.SmallestOf([matrices[0], matrices[2]]), 12);
        Assert.Throws<ArgumentException>(() => SymmetricEigen.SmallestOf([]));
        Assert.Throws<ArgumentNullException>(() => SymmetricEigen.SmallestOf(null!));
        // A NaN entry is refused, not skipped.
        var withNan = matrices[0].Clone(); withNan[0, 0] = double.NaN;
        Assert.Throws<ArgumentException>(() => SymmetricEigen.SmallestOf([matrices[1], withNan]));
    }

    [Fact]
    public void Each_component_needs_a_name()
    {
        var eigen = new SymmetricEigen(Matrix<double>.Build.DenseIdentity(3));
        Assert.Throws<ArgumentException>(() => eigen.Table("a", "b"));
        Assert.Throws<ArgumentNullException>(() => eigen.Table(null!));
    }
}
