class MyLogisticRegression : LogisticClassifier
{
    public MyLogisticRegression(int featureCount) : base(featureCount) { }

    protected override double Backward(Dataset data, int[] rows)
    {
        Span<float> weights = w.Grad;
        ref float bias = ref b.Grad[0];
        double loss = 0;
        foreach (var i in rows)
        {
            ReadOnlySpan<float> x = data.Row(i);
            double p = Probability(x);
            loss -= data.Labels[i] == 1 ? Math.Log(p) : Math.Log(1 - p);
            float scale = (float)(-(data.Labels[i] - p) / rows.Length);
            for (int j = 0; j < weights.Length; j++) weights[j] += scale * x[j];
            bias += scale;
        }
        return loss / rows.Length;
    }
}
