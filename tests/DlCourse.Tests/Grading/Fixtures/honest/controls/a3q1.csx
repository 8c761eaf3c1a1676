// targets: a3q1-gradient
// The gradient without the bias term: its last entry stays 0.
float[] LogisticGradient(LogisticRegression model, Dataset data, int[] rows)
{
    var gradient = new float[model.FeatureCount + 1];
    foreach (var i in rows)
    {
        var x = data.Row(i);
        float scale = (float)(-(data.Labels[i] - model.Probability(x)) / rows.Length);
        for (int j = 0; j < model.FeatureCount; j++) gradient[j] += scale * x[j];
    }
    return gradient;
}
