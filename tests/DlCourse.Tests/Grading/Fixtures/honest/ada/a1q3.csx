#region helper
static Vector<double> Probabilities(Matrix<double> X, double[] w, double b) =>
    (X * Vector<double>.Build.Dense(w) + b).Map(Sigmoid.Apply);
#endregion

(double[] GradW, double GradB) RegularisedBceGradient(Matrix<double> X, double[] y, double[] w, double b, double lambda)
{
    int m = X.RowCount;
    var residual = Probabilities(X, w, b) - Vector<double>.Build.Dense(y);
    var gradW = X.TransposeThisAndMultiply(residual);
    for (int j = 0; j < w.Length; j++) gradW[j] = (gradW[j] + lambda * w[j]) / m;
    return (gradW.ToArray(), residual.Sum() / m);
}
Console.WriteLine("gradient ready");
