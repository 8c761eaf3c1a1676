static double Xlogy(double x, double y) => x == 0 ? 0 : x * Math.Log(y);

double Bce(double y, double yHat)
{
    return -(Xlogy(y, yHat) + Xlogy(1 - y, 1 - yHat));
}

foreach (var p in new[] { 0.1, 0.5, 0.9 })
    Console.WriteLine($"BCE(1, {p}) = {Bce(1, p):F4}");
