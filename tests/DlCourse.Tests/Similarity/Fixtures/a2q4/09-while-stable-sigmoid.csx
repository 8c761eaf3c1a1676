double[] NllGradient(double[] theta, Dataset data)
{
    double[] g = { 0, 0, 0 };
    int idx = 0;
    while (idx < data.Count)
    {
        double s = theta[2];
        s += theta[0] * data[idx, 0];
        s += theta[1] * data[idx, 1];
        double sig = s >= 0 ? 1 / (1 + Math.Exp(-s)) : Math.Exp(s) / (1 + Math.Exp(s));
        double dz = sig - data.Labels[idx];
        g[0] += dz * data[idx, 0];
        g[1] += dz * data[idx, 1];
        g[2] += dz;
        idx++;
    }
    return g.Select(v => v / data.Count).ToArray();
}
