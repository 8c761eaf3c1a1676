Matrix<double> SoftmaxJacobian(double[] z)
{
    double[] y = StableSoftmax.Apply(z);
    int n = y.Length;
    return Matrix<double>.Build.Dense(n, n, (r, c) => r == c ? y[r] * (1 - y[r]) : -y[r] * y[c]);
}
