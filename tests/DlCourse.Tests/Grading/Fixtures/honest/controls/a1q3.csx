// targets: a1q3-gradient-check
// The penalty's gradient not divided by m: λw instead of λw/m.
(double[] GradW, double GradB) RegularisedBceGradient(Matrix<double> X, double[] y, double[] w, double b, double lambda)
{
    int m = X.RowCount;
    var z = X * Vector<double>.Build.Dense(w) + b;
    var residual = Vector<double>.Build.Dense(m, i => Sigmoid.Apply(z[i]) - y[i]);
    var gradW = X.TransposeThisAndMultiply(residual) / m + lambda * Vector<double>.Build.Dense(w);
    return (gradW.ToArray(), residual.Sum() / m);
}
