double[] Residuals(double[] theta, Dataset data, double[] x0, double[] x1)
{
    double[] diff = new double[data.Count];
    for (int i = 0; i < data.Count; i++)
        diff[i] = Sigmoid.Apply(theta[0] * x0[i] + theta[1] * x1[i] + theta[2]) - data.Labels[i];
    return diff;
}

double Dot(double[] u, double[] v) => u.Zip(v, (p, q) => p * q).Sum();

double[] NllGradient(double[] theta, Dataset data)
{
    int m = data.Count;
    double[] x0 = data.Column(0), x1 = data.Column(1);
    var diff = Residuals(theta, data, x0, x1);
    return new[] { Dot(diff, x0) / m, Dot(diff, x1) / m, diff.Sum() / m };
}
