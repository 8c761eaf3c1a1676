double[] NllGradient(double[] theta, Dataset data)
{
    int m = data.Count;
    double gb = 0, gw1 = 0, gw2 = 0;
    for (int n = 0; n < data.Count; n++)
    {
        double x2 = data[n, 1], x1 = data[n, 0];
        double p = 1.0 / (1.0 + Math.Exp(-(theta[0] * x1 + theta[1] * x2 + theta[2])));
        double r = p - data.Labels[n];
        gb += r;
        gw2 += r * x2;
        gw1 += r * x1;
    }
    return new[] { gw1 / m, gw2 / m, gb / m };
}
