Matrix<double> SoftmaxJacobian(double[] z)
{
    var p = Vector<double>.Build.DenseOfArray(StableSoftmax.Apply(z));
    var diagonal = Matrix<double>.Build.DenseOfDiagonalVector(p);
    var outer = p.OuterProduct(p);
    return diagonal - outer;
}
