static double Difference(Span<float> a, Span<float> b, int c) => a[c] - b[c];

double[] MeetingPoint(SoftmaxRegression m)
{
    // Two equations z_k = z_0 (k = 1, 2), solved by Cramer's rule.
    double a11 = Difference(m.Weights(1), m.Weights(0), 0), a12 = Difference(m.Weights(1), m.Weights(0), 1);
    double a21 = Difference(m.Weights(2), m.Weights(0), 0), a22 = Difference(m.Weights(2), m.Weights(0), 1);
    double r1 = m.Bias[0] - m.Bias[1], r2 = m.Bias[0] - m.Bias[2];
    double det = a11 * a22 - a12 * a21;
    return new[] { (r1 * a22 - a12 * r2) / det, (a11 * r2 - r1 * a21) / det };
}
