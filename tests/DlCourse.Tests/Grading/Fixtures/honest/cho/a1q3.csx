(double[] GradW, double[] Unused) Parts(Matrix<double> X, Vector<double> residual, double[] w, double lambda, int m)
{
    double[] gradW = [.. (X.TransposeThisAndMultiply(residual) + lambda * Vector<double>.Build.Dense(w)) / m];
    return (gradW, []);
}

(double[] GradW, double GradB) RegularisedBceGradient(Matrix<double> X, double[] y, double[] w, double b, double lambda)
{
    int m = X.RowCount;
    var z = X * Vector<double>.Build.Dense(w) + b;
    var residual = Vector<double>.Build.Dense(m, i => Sigmoid.Apply(z[i]) - y[i]);
    var (gradW, _) = Parts(X, residual, w, lambda, m);
    return (gradW, residual.Sum() / m);
}
