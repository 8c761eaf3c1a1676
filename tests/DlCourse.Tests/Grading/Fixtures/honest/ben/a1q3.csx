(double[] GradW, double GradB) RegularisedBceGradient(Matrix<double> X, double[] y, double[] w, double b, double lambda)
{
    int m = X.RowCount;
    double Residual(int i) => Sigmoid.Apply(X.Row(i).DotProduct(Vector<double>.Build.Dense(w)) + b) - y[i];
    var residual = Vector<double>.Build.Dense(Enumerable.Range(0, m).Select(Residual).ToArray());
    var gradW = Enumerable.Range(0, w.Length).Select(j => (X.Column(j).DotProduct(residual) + lambda * w[j]) / m).ToArray();
    display($"λ = {lambda}: ‖∇w‖₁ = {gradW.Sum(Math.Abs):F4}");
    return (gradW, residual.Sum() / m);
}
