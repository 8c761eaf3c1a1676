double[] NllGradient(double[] theta, Dataset data)
{
    int d = data.FeatureCount;
    var grad = new double[d + 1];
    for (int row = 0; row < data.Count; row++)
    {
        ReadOnlySpan<float> x = data.Row(row);
        double logit = theta[d];
        for (int f = 0; f < d; f++) logit += theta[f] * x[f];
        double delta = Sigmoid.Apply(logit) - data.Labels[row];
        for (int f = 0; f < d; f++) grad[f] += delta * x[f];
        grad[d] += delta;
    }
    for (int f = 0; f <= d; f++) grad[f] /= data.Count;
    return grad;
}
