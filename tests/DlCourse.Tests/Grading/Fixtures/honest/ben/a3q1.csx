class MyLogisticRegression(int featureCount) : LogisticClassifier(featureCount)
{
    protected override double Backward(Dataset data, int[] rows)
    {
        float Scale(int i) => (float)(-(data.Labels[i] - Probability(data.Row(i))) / rows.Length);
        foreach (var (i, scale) in rows.Select(i => (i, Scale(i))))
        {
            var x = data.Row(i);
            for (int j = 0; j < FeatureCount; j++) Gradient[j] += scale * x[j];
            Gradient[FeatureCount] += scale;
        }
        return Loss(data, rows);
    }
}
display("MyLogisticRegression defined");
