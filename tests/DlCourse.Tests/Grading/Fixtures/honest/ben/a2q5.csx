void SgdEpoch(LogisticRegression model, Dataset data, double eta, Random random)
{
    void Step(int i)
    {
        double error = Sigmoid.Apply(model.Weights[0] * data[i, 0] + model.Weights[1] * data[i, 1] + model.Bias) - data.Labels[i];
        model.Weights[0] -= (float)(eta * error * data[i, 0]);
        model.Weights[1] -= (float)(eta * error * data[i, 1]);
        model.Bias -= (float)(eta * error);
    }
    foreach (var i in MiniBatches.Of(data.Count, 1, random).Select(batch => batch[0]))
        Step(i);
}
