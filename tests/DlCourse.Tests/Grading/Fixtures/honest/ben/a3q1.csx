float[] LogisticGradient(LogisticRegression model, Dataset data, int[] rows)
{
    int d = model.FeatureCount;
    var gradient = new float[d + 1];
    float Scale(int i) => (float)(-(data.Labels[i] - model.Probability(data.Row(i))) / rows.Length);
    foreach (var (i, scale) in rows.Select(i => (i, Scale(i))))
    {
        var x = data.Row(i);
        for (int j = 0; j < d; j++) gradient[j] += scale * x[j];
        gradient[d] += scale;
    }
    return gradient;
}
display("LogisticGradient defined");
