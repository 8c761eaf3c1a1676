Matrix<double> SoftmaxJacobian(double[] z)
{
    var probs = StableSoftmax.Apply(z);
    var rows = probs.Select((pk, k) => probs.Select((pj, j) => k == j ? pk - pk * pj : -pk * pj).ToArray()).ToArray();
    return Matrix<double>.Build.DenseOfRowArrays(rows);
}
