double[] NllGradient(double[] theta, Dataset data)
{
    double Logit(int i) => theta[0] * data[i, 0] + theta[1] * data[i, 1] + theta[2];
    var total = Enumerable.Range(0, data.Count).Aggregate(new double[3], (acc, i) =>
    {
        var e = Sigmoid.Apply(Logit(i)) - data.Labels[i];
        acc[0] += e * data[i, 0];
        acc[1] += e * data[i, 1];
        acc[2] += e;
        return acc;
    });
    return Array.ConvertAll(total, t => t / data.Count);
}
