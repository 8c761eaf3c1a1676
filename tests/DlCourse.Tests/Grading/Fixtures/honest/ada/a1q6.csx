#region helpers
static Matrix<double> Logits(Matrix<double> X, Matrix<double> W, double[] b) =>
    (X * W.Transpose()).MapIndexed((i, k, v) => v + b[k]);
#endregion

(Matrix<double> GradW, double[] GradB) SoftmaxRegressionGradient(Matrix<double> X, int[] labels, Matrix<double> W, double[] b)
{
    int n = X.RowCount, K = W.RowCount;
    var P = StableSoftmax.Apply(Logits(X, W, b));
    for (int i = 0; i < n; i++) P[i, labels[i]] -= 1;
    return (P.TransposeThisAndMultiply(X) / n, (P.ColumnSums() / n).ToArray());
}
