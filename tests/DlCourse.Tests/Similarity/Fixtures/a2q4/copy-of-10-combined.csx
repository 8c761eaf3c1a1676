// gradient of one example: (sigma(w . x) - y) x
double[] OneExample(double[] w, Dataset ds, int row)
{
    double[] x = [ds[row, 0], ds[row, 1], 1.0];
    double z = x.Zip(w).Sum(t => t.First * t.Second);
    double err = Sigmoid.Apply(z) - ds.Labels[row];
    return x.Select(v => err * v).ToArray();
}

double[] NllGradient(double[] theta, Dataset data)
{
    // average the per-example gradients, component by component
    var all = Enumerable.Range(0, data.Count).Select(i => OneExample(theta, data, i)).ToList();
    return Enumerable.Range(0, theta.Length).Select(c => all.Average(g => g[c])).ToArray();
}
