double[] NllGradient(double[] theta, Dataset data)
{
    int m = data.Count;
    double[] x0 = data.Column(0), x1 = data.Column(1);
    double[] diff = new double[m];
    for (int i = 0; i < m; i++)
        diff[i] = Sigmoid.Apply(theta[0] * x0[i] + theta[1] * x1[i] + theta[2]) - data.Labels[i];
    double Dot(double[] u, double[] v) => u.Zip(v, (p, q) => p * q).Sum();
    return new[] { Dot(diff, x0) / m, Dot(diff, x1) / m, diff.Sum() / m };
}
