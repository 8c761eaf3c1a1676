double[] NllGradient(double[] w, Dataset ds)
{
    int features = ds.FeatureCount;
    var result = new double[features + 1];
    for (int ex = 0; ex < ds.Count; ex++)
    {
        ReadOnlySpan<float> input = ds.Row(ex);
        double z = w[features];
        for (int c = 0; c < features; c++) z += w[c] * input[c];
        double err = Sigmoid.Apply(z) - ds.Labels[ex];
        for (int c = 0; c < features; c++) result[c] += err * input[c];
        result[features] += err;
    }
    for (int c = 0; c <= features; c++) result[c] /= ds.Count;
    return result;
}
