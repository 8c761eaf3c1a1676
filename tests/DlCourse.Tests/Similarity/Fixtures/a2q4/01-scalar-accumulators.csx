double[] NllGradient(double[] theta, Dataset data)
{
    double gw1 = 0, gw2 = 0, gb = 0;
    for (int n = 0; n < data.Count; n++)
    {
        double x1 = data[n, 0], x2 = data[n, 1];
        double p = 1.0 / (1.0 + Math.Exp(-(theta[0] * x1 + theta[1] * x2 + theta[2])));
        double r = p - data.Labels[n];
        gw1 += r * x1;
        gw2 += r * x2;
        gb += r;
    }
    int m = data.Count;
    return new[] { gw1 / m, gw2 / m, gb / m };
}
