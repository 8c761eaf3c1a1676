double KlDivergenceOf(double[] p, double[] q)
{
    ReadOnlySpan<double> ps = p.AsSpan(), qs = q;
    double d = 0;
    for (int k = 0; k < ps.Length; k++)
        d += ps[k] switch { > 0 and var pk => pk * Math.Log(pk / qs[k]), _ => 0 };
    return d;
}
