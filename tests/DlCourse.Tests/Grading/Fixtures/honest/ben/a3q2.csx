class MySoftmaxRegression(int featureCount, int classCount) : SoftmaxClassifier(featureCount, classCount)
{
    protected override double Backward(Dataset data, int[] rows)
    {
        float Error(double p, int c, int label) => (float)((p - (c == label ? 1 : 0)) / rows.Length);
        foreach (var i in rows)
        {
            var p = Probabilities(data.Row(i));
            var x = data.Row(i);
            foreach (var c in Enumerable.Range(0, ClassCount))
            {
                float error = Error(p[c], c, data.Labels[i]);
                for (int j = 0; j < FeatureCount; j++) W.Grad[c, j] += error * x[j];
                b.Grad[c] += error;
            }
        }
        return Loss(data, rows);
    }
}
