Matrix<double> SoftmaxJacobian(double[] z)
{
    int K = z.Length;
    double m = double.NegativeInfinity;
    foreach (double v in z) m = Math.Max(m, v);
    double denom = 0.0;
    double[] yhat = new double[K];
    for (int k = 0; k < K; k++) { yhat[k] = Math.Exp(z[k] - m); denom += yhat[k]; }
    for (int k = 0; k < K; k++) yhat[k] = yhat[k] / denom;
    double[,] grid = new double[K, K];
    for (int k = 0; k < K; k++)
        for (int j = 0; j < K; j++)
            grid[k, j] = yhat[k] * ((k == j ? 1.0 : 0.0) - yhat[j]);
    return Matrix<double>.Build.DenseOfArray(grid);
}
