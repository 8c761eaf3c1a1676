class MySoftmaxRegression : SoftmaxClassifier
{
    public MySoftmaxRegression(int featureCount, int classCount) : base(featureCount, classCount) { }

    protected override double Backward(Dataset data, int[] rows)
    {
        var (d, k) = (FeatureCount, ClassCount);
        double loss = 0;
        foreach (var i in rows)
        {
            ReadOnlySpan<float> x = data.Row(i);
            double[] p = Probabilities(x);
            loss -= Math.Log(p[data.Labels[i]]);
            for (int c = 0; c < k; c++)
            {
                float error = (float)((p[c] - (c == data.Labels[i] ? 1 : 0)) / rows.Length);
                Span<float> row = Gradient.AsSpan(c * d, d);
                for (int j = 0; j < d; j++) row[j] += error * x[j];
                Gradient[k * d + c] += error;
            }
        }
        return loss / rows.Length;
    }
}
