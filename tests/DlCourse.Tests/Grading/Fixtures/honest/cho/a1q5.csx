Matrix<double> SoftmaxJacobian(double[] z)
{
    double[] p = [.. StableSoftmax.Apply(z)];
    var diagonal = Matrix<double>.Build.DenseOfDiagonalArray(p);
    var column = Vector<double>.Build.Dense(p);
    return diagonal - column.OuterProduct(column);
}
