double[] NllGradient(double[] theta, Dataset data)
{
    double Error(int i) => Sigmoid.Apply(theta[0] * data[i, 0] + theta[1] * data[i, 1] + theta[2]) - data.Labels[i];
    var rows = Enumerable.Range(0, data.Count).ToList();
    var errors = rows.Select(Error).ToArray();
    return new[]
    {
        rows.Sum(i => errors[i] * data[i, 0]) / data.Count,
        rows.Sum(i => errors[i] * data[i, 1]) / data.Count,
        errors.Average(),
    };
}
display(NllGradient(new[] { 0.0, 0.0, 0.0 }, Synthetic.Xor()));
