float[] SoftmaxGradient(SoftmaxRegression model, Dataset data, int[] rows)
{
    int d = model.FeatureCount, k = model.ClassCount;
    var gradient = new float[k * d + k];
    float Error(double p, int c, int label) => (float)((p - (c == label ? 1 : 0)) / rows.Length);
    foreach (var i in rows)
    {
        var p = model.Probabilities(data.Row(i));
        var x = data.Row(i);
        foreach (var c in Enumerable.Range(0, k))
        {
            float error = Error(p[c], c, data.Labels[i]);
            for (int j = 0; j < d; j++) gradient[c * d + j] += error * x[j];
            gradient[k * d + c] += error;
        }
    }
    return gradient;
}
