using DlCourse.Numerics;

void SgdEpoch(LogisticRegression model, Dataset data, double eta, Random random)
{
    var order = MiniBatches.Of(data.Count, 1, random);
    foreach (var batch in order)
    {
        int i = batch[0];
        double error = Sigmoid.Apply(model.Weights[0] * data[i, 0] + model.Weights[1] * data[i, 1] + model.Bias) - data.Labels[i];
        model.Weights[0] -= (float)(eta * error * data[i, 0]);
        model.Weights[1] -= (float)(eta * error * data[i, 1]);
        model.Bias -= (float)(eta * error);
    }
}
