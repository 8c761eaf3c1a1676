#region network pieces
static double HiddenPre(double[] theta, double[] x, int j) => theta[2 * j] * x[0] + theta[2 * j + 1] * x[1] + theta[4 + j];
#endregion

double[] Backprop(double[] theta, double[] x, double t)
{
    double h0 = Sigmoid.Apply(HiddenPre(theta, x, 0)), h1 = Sigmoid.Apply(HiddenPre(theta, x, 1));
    double delta = theta[6] * h0 + theta[7] * h1 + theta[8] - t;
    double d0 = h0 * (1 - h0) * theta[6] * delta, d1 = h1 * (1 - h1) * theta[7] * delta;
    return new[] { d0 * x[0], d0 * x[1], d1 * x[0], d1 * x[1], d0, d1, delta * h0, delta * h1, delta };
}
Console.WriteLine(Backprop(new double[9], new[] { 1.0, 2.0 }, 1).Length);
