using DlCourse.Numerics;
using MathNet.Numerics.LinearAlgebra;

namespace DlCourse.Tests.Numerics;

public class SymmetricEigenTests
{
    [Fact]
    public void A_diagonal_matrix_gives_its_diagonal_largest_first_with_the_axes_as_eigenvectors()
    {
        var eigen = new SymmetricEigen(Matrix<double>.Build.DenseOfDiagonalArray([1.0, 4.0, 2.0]));
        Assert.Equal([4.0, 2.0, 1.0], eigen.Values);
        Assert.Equal(1, Math.Abs(eigen.Vectors[0][1]), 12);
        Assert.Equal(1, Math.Abs(eigen.Vectors[1][2]), 12);
        Assert.Equal(1, Math.Abs(eigen.Vectors[2][0]), 12);
        Assert.Equal(4, eigen.ConditionNumber, 12);
    }

    [Fact]
    public void Two_by_two_with_equal_diagonal_has_the_diagonals_as_eigenvectors()
    {
        // [[2, 1], [1, 2]] = 3·uuᵀ + 1·vvᵀ with u = (1, 1)/√2, v = (1, −1)/√2.
        var eigen = new SymmetricEigen(Matrix<double>.Build.DenseOfArray(new double[,] { { 2, 1 }, { 1, 2 } }));
        Assert.Equal(3, eigen.Largest, 12);
        Assert.Equal(1, eigen.Smallest, 12);
        Assert.Equal(3, eigen.ConditionNumber, 12);
        Assert.Equal(eigen.Vectors[0][0], eigen.Vectors[0][1], 12);
        Assert.Equal(-eigen.Vectors[1][0], eigen.Vectors[1][1], 12);
        Assert.Equal(Math.Sqrt(0.5), Math.Abs(eigen.Vectors[0][0]), 12);
    }

    [Fact]
    public void Refuses_a_matrix_that_is_not_square_and_symmetric()
    {
        Assert.Throws<ArgumentException>(() => new SymmetricEigen(Matrix<double>.Build.Dense(2, 3)));
        Assert.Throws<ArgumentException>(() => new SymmetricEigen(Matrix<double>.Build.DenseOfArray(new double[,] { { 1, 2 }, { 0, 1 } })));
        Assert.Throws<ArgumentException>(() => new SymmetricEigen(Matrix<double>.Build.DenseOfArray(new double[,] { { double.NaN, 0 }, { 0, 1 } })));
    }
}
