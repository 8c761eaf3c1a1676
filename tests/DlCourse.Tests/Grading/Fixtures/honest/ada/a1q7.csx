#region softmax
static double Largest(double[] z) { double m = double.NegativeInfinity; foreach (var v in z) if (v > m) m = v; return m; }

double[] MySoftmax(double[] z)
{
    double max = Largest(z);
    var e = new double[z.Length];
    double sum = 0;
    for (int k = 0; k < z.Length; k++) { e[k] = Math.Exp(z[k] - max); sum += e[k]; }
    for (int k = 0; k < z.Length; k++) e[k] /= sum;
    return e;
}
#endregion
Console.WriteLine(string.Join(", ", MySoftmax(new[] { 1.0, 2.0, 3.0 })));
