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
    public void Each_component_needs_a_name()
    {
        var eigen = new SymmetricEigen(Matrix<double>.Build.DenseIdentity(3));
        Assert.Throws<ArgumentException>(() => eigen.Table("a", "b"));
        Assert.Throws<ArgumentNullException>(() => eigen.Table(null!));
    }
}
