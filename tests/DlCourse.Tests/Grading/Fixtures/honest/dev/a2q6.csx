double BiasGradient(LogisticRegression model, Dataset data)
{
    double sum = 0;
    int i = 0;
    do
    {
        sum += Sigmoid.Apply(model.Logit(data.Row(i))) - data.Labels[i];
        i++;
    } while (i < data.Count);
    return sum / data.Count;
}
foreach (var b in new[] { -1f, 1f }) Console.WriteLine($"bias {b}");
