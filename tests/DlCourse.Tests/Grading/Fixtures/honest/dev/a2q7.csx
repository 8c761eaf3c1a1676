using MathNet.Numerics.LinearAlgebra.Factorization;

double[] SolveNormalEquations(Matrix<double> X, Vector<double> y)
{
    Cholesky<double> cholesky = X.TransposeThisAndMultiply(X).Cholesky();
    return cholesky.Solve(X.TransposeThisAndMultiply(y)).ToArray();
}
