Matrix<double> SoftmaxJacobian(double[] z)
{
    // number of classes
    int K = z.Length;
    // largest logit, subtracted before exponentiating (numerical stability)
    double m = -1e308;
    foreach (double v in z) m = Math.Max(m, v);
    double denom = 0d;
    double[] yhat = new double[K];
    // unnormalised probabilities and their sum
    for (int k = 0; k < K; k++) { yhat[k] = Math.Exp(z[k] - m); denom += yhat[k]; }
    for (int k = 0; k < K; k++) yhat[k] = yhat[k] / denom; // now they sum to one
    double[,] grid = new double[K, K];
    // dy_k/dz_j = y_k (delta_kj - y_j)
    for (int k = 0; k < K; k++)
        for (int j = 0; j < K; j++)
            grid[k, j] = yhat[k] * ((k == j ? 1d : 0d) - yhat[j]);
    return Matrix<double>.Build.DenseOfArray(grid);
}
