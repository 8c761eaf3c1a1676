Matrix<double> SoftmaxJacobian(double[] z)
{
    // softmax with the max subtracted so exp never overflows
    double max = z.Max();
    double[] e = new double[z.Length];
    double sum = 0;
    for (int i = 0; i < z.Length; i++)
    {
        e[i] = Math.Exp(z[i] - max);
        sum += e[i];
    }
    for (int i = 0; i < z.Length; i++) e[i] /= sum;

    var jac = Matrix<double>.Build.Dense(z.Length, z.Length);
    for (int i = 0; i < z.Length; i++)
    {
        for (int j = 0; j < z.Length; j++)
        {
            if (i == j) jac[i, j] = e[i] * (1 - e[i]);
            else jac[i, j] = -e[i] * e[j];
        }
    }
    return jac;
}
