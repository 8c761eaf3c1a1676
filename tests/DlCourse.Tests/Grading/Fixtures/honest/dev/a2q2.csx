using System.Runtime.CompilerServices;

[MethodImpl(MethodImplOptions.AggressiveInlining)]
static double Sig(double a) => Sigmoid.Apply(a);

double[] Backprop(double[] theta, double[] x, double t)
{
    var (a0, a1) = (theta[0] * x[0] + theta[1] * x[1] + theta[4], theta[2] * x[0] + theta[3] * x[1] + theta[5]);
    var (h0, h1) = (Sig(a0), Sig(a1));
    double delta = theta[6] * h0 + theta[7] * h1 + theta[8] - t;
    var gradient = new double[9];
    foreach (var (j, h) in new[] { (0, h0), (1, h1) })
    {
        double hiddenDelta = h * (1 - h) * theta[6 + j] * delta;
        gradient[2 * j] = hiddenDelta * x[0];
        gradient[2 * j + 1] = hiddenDelta * x[1];
        gradient[4 + j] = hiddenDelta;
        gradient[6 + j] = delta * h;
    }
    gradient[8] = delta;
    return gradient;
}
var (first, last) = (Backprop(new double[9], new[] { 1.0, 1.0 }, 1)[0], Backprop(new double[9], new[] { 1.0, 1.0 }, 1)[8]);
Console.Write($"first {first}, last {last}{Environment.NewLine}");
