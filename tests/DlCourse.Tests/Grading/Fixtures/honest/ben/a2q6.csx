double BiasGradient(LogisticRegression model, Dataset data)
{
    double Residual(int i) => Sigmoid.Apply(model.Logit(data.Row(i))) - data.Labels[i];
    return Enumerable.Range(0, data.Count).Select(Residual).Sum() / data.Count;
}
