using System.Diagnostics;

double[] SigmoidChainGradients(double[] w, double[] b, double x, double t)
{
    Debug.Assert(w.Length == b.Length);
    int layers = w.Length;
    var a = new double[layers];
    var h = new double[layers + 1];
    h[0] = x;
    for (int l = 0; l < layers; l++)
    {
        a[l] = w[l] * h[l] + b[l];
        h[l + 1] = Sigmoid.Apply(a[l]);
    }
    var gradients = new double[layers];
    double delta = (h[layers] - t) * Sigmoid.Derivative(a[layers - 1]);
    int layer = layers - 1;
    while (true)
    {
        gradients[layer] = delta * h[layer];
        if (layer == 0) break;
        delta = Sigmoid.Derivative(a[layer - 1]) * w[layer] * delta;
        layer--;
    }
    return gradients;
}
var stopwatch = Stopwatch.StartNew();
var shallow = SigmoidChainGradients(new[] { 1.0, 1.0 }, new[] { 0.0, 0.0 }, 1, 0);
foreach (var g in shallow) Console.WriteLine($"{g:E3}");
Console.WriteLine($"took {stopwatch.Elapsed.TotalMilliseconds:F1} ms");
