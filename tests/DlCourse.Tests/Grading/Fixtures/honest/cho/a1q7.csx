double[] MySoftmax(double[] z)
{
    ReadOnlySpan<double> logits = z;
    double max = double.NegativeInfinity;
    foreach (var v in logits) max = Math.Max(max, v);
    var result = new double[z.Length];
    Span<double> e = result;
    double sum = 0;
    for (int k = 0; k < e.Length; k++) { e[k] = Math.Exp(logits[k] - max); sum += e[k]; }
    for (int k = 0; k < e.Length; k++) e[k] /= sum;
    return result;
}
