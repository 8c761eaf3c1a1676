double[] NllGradient(double[] theta, Dataset data)
{
    var (a, b, c) = (0.0, 0.0, 0.0);
    foreach (var i in Enumerable.Range(0, data.Count))
    {
        var (u, v) = ((double)data[i, 0], (double)data[i, 1]);
        var err = Sigmoid.Apply(theta[0] * u + theta[1] * v + theta[2]) - data.Labels[i];
        (a, b, c) = (a + err * u, b + err * v, c + err);
    }
    return [a / data.Count, b / data.Count, c / data.Count];
}
