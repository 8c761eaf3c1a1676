static double Delta(int k, int j) => k == j ? 1.0 : 0.0;

Matrix<double> SoftmaxJacobian(double[] z)
{
    var p = StableSoftmax.Apply(z);
    var jacobian = Matrix<double>.Build.Dense(z.Length, z.Length);
    for (int k = 0; k < z.Length; k++)
        for (int j = 0; j < z.Length; j++)
            jacobian[k, j] = p[k] * (Delta(k, j) - p[j]);
    return jacobian;
}
