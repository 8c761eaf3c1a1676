static Vector<double> Probabilities(double[] z) => Vector<double>.Build.Dense(StableSoftmax.Apply(z));

Matrix<double> CrossEntropyHessian(double[] z)
{
    var p = Probabilities(z);
    return Matrix<double>.Build.Dense(z.Length, z.Length, (k, j) => (k == j ? p[k] : 0) - p[k] * p[j]);
}
