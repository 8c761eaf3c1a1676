// targets: a3q1-gradient
// The gradient without the bias term: b.Grad stays 0.
class MyLogisticRegression(int featureCount) : LogisticClassifier(featureCount)
{
    protected override double Backward(Dataset data, int[] rows)
    {
        foreach (var i in rows)
        {
            var x = data.Row(i);
            float scale = (float)(-(data.Labels[i] - Probability(x)) / rows.Length);
            for (int j = 0; j < FeatureCount; j++) w.Grad[j] += scale * x[j];
        }
        return Loss(data, rows);
    }
}
