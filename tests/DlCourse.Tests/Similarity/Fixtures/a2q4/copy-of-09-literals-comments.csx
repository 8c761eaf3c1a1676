double[] NllGradient(double[] theta, Dataset data)
{
    // running sums of dNLL/dw1, dNLL/dw2, dNLL/db
    double[] g = { 0.0, 0.0, 0.0 };
    int idx = 0;
    while (idx < data.Count)
    {
        // logit of this example
        double s = theta[2];
        s += theta[0] * data[idx, 0];
        s += theta[1] * data[idx, 1];
        // sigmoid, written so that exp never overflows
        double sig = s >= 0.0 ? 1.0 / (1.0 + Math.Exp(-s)) : Math.Exp(s) / (1.0 + Math.Exp(s));
        double dz = sig - data.Labels[idx]; // dl/dz = sigma(z) - y
        g[0] += dz * data[idx, 0];
        g[1] += dz * data[idx, 1];
        g[2] += dz;
        idx++;
    }
    return g.Select(v => v / data.Count).ToArray(); // mean over the examples
}
