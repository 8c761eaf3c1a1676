double[] NllGradient(double[] theta, Dataset data)
{
    var residuals = Enumerable.Range(0, data.Count)
        .Select(i => Sigmoid.Apply(theta[0] * data[i, 0] + theta[1] * data[i, 1] + theta[2]) - data.Labels[i])
        .ToArray();
    return new[]
    {
        residuals.Select((r, i) => r * data[i, 0]).Average(),
        residuals.Select((r, i) => r * data[i, 1]).Average(),
        residuals.Average(),
    };
}
