float[] SoftmaxGradient(SoftmaxRegression model, Dataset data, int[] rows)
{
    var (d, k) = (model.FeatureCount, model.ClassCount);
    float[] gradient = new float[k * d + k];
    foreach (var i in rows)
    {
        ReadOnlySpan<float> x = data.Row(i);
        double[] p = model.Probabilities(x);
        for (int c = 0; c < k; c++)
        {
            float error = (float)((p[c] - (c == data.Labels[i] ? 1 : 0)) / rows.Length);
            Span<float> row = gradient.AsSpan(c * d, d);
            for (int j = 0; j < d; j++) row[j] += error * x[j];
            gradient[k * d + c] += error;
        }
    }
    return gradient;
}
