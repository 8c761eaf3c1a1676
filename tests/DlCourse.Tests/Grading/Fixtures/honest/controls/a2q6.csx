// targets: a2q6-bias-gradient
// An off-by-one: the loop starts at 1, so the first example is left out of the sum.
double BiasGradient(LogisticRegression model, Dataset data)
{
    double sum = 0;
    for (int i = 1; i < data.Count; i++) sum += Sigmoid.Apply(model.Logit(data.Row(i))) - data.Labels[i];
    return sum / data.Count;
}
