using static System.Math;

double[] SigmoidChainGradients(double[] w, double[] b, double x, double t)
{
    double Sig(double a) => 1 / (1 + Exp(-a));
    int layers = w.Length;
    var a = new double[layers];
    var h = new double[layers + 1];
    h[0] = x;
    for (int l = 0; l < layers; l++) { a[l] = w[l] * h[l] + b[l]; h[l + 1] = Sigmoid.Apply(a[l]); }
    var gradients = new double[layers];
    double delta = (h[layers] - t) * Sigmoid.Derivative(a[layers - 1]);
    for (int l = layers - 1; l >= 0; l--)
    {
        gradients[l] = delta * h[l];
        if (l > 0) delta *= Sigmoid.Derivative(a[l - 1]) * w[l];
    }
    display($"{layers} layers, first gradient {Abs(gradients[0]):E2}, sigmoid(0) = {Sig(0)}");
    return gradients;
}
