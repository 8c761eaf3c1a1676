float[] LogisticGradient(LogisticRegression model, Dataset data, int[] rows)
{
    var gradient = new float[model.FeatureCount + 1];
    Span<float> weights = gradient.AsSpan(0, model.FeatureCount);
    ref float bias = ref gradient[model.FeatureCount];
    foreach (var i in rows)
    {
        ReadOnlySpan<float> x = data.Row(i);
        float scale = (float)(-(data.Labels[i] - model.Probability(x)) / rows.Length);
        for (int j = 0; j < weights.Length; j++) weights[j] += scale * x[j];
        bias += scale;
    }
    return gradient;
}
