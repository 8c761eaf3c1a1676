static double Term(double p, double q) => p > 0 ? p * Math.Log(p / q) : 0;

double KlDivergenceOf(double[] p, double[] q)
{
    double total = 0;
    for (int k = 0; k < p.Length; k++) total += Term(p[k], q[k]);
    return total;
}
Console.WriteLine(KlDivergenceOf(new[] { 0.5, 0.5 }, new[] { 0.5, 0.5 }));
