record Batch(Matrix<double> X, int[] Labels);

(Matrix<double> GradW, double[] GradB) SoftmaxRegressionGradient(Matrix<double> X, int[] labels, Matrix<double> W, double[] b)
{
    var batch = new Batch(X, labels);
    int n = batch.X.RowCount, K = W.RowCount;
    var Z = batch.X * W.Transpose();
    for (int i = 0; i < n; i++)
        for (int k = 0; k < K; k++) Z[i, k] += b[k];
    var residual = StableSoftmax.Apply(Z) - OneHot.Matrix(batch.Labels, K);
    double[] gradB = [.. residual.ColumnSums() / n];
    return (residual.TransposeThisAndMultiply(batch.X) / n, gradB);
}
