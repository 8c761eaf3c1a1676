// targets: a1q7-large-logits
// An unstable softmax: exp(1000) overflows to ∞ and ∞/∞ is NaN.
double[] MySoftmax(double[] z)
{
    var e = z.Select(Math.Exp).ToArray();
    double sum = e.Sum();
    return e.Select(v => v / sum).ToArray();
}
