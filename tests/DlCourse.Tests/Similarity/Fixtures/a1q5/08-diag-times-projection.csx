Matrix<double> SoftmaxJacobian(double[] z)
{
    var y = Vector<double>.Build.Dense(StableSoftmax.Apply(z));
    var identity = Matrix<double>.Build.DenseIdentity(y.Count);
    // J = diag(y) (I - 1 y^T): row k of (I - 1 y^T) is e_k - y
    var ones = Vector<double>.Build.Dense(y.Count, 1.0);
    return Matrix<double>.Build.DenseOfDiagonalVector(y) * (identity - ones.OuterProduct(y));
}
