readonly record struct Gradients(double Bce, double Mse);

(double Bce, double Mse) LogitGradients(double z, double y)
{
    double yHat = Sigmoid.Apply(z);
    var g = new Gradients(yHat - y, 2 * (yHat - y) * yHat * (1 - yHat));
    return (g.Bce, g.Mse);
}
