#region helpers
static double Residual(double z, double y) => Sigmoid.Apply(z) - y;
static double SigmoidSlope(double z) { double s = Sigmoid.Apply(z); return s * (1 - s); }
#endregion

(double Bce, double Mse) LogitGradients(double z, double y)
{
    double r = Residual(z, y);
    return (r, 2 * r * SigmoidSlope(z));
}

for (int z = -2; z <= 2; z += 2)
    Console.WriteLine($"z = {z}: {LogitGradients(z, 1)}");
