using static System.Math;

double KlDivergenceOf(double[] p, double[] q) =>
    p.Zip(q, (pk, qk) => pk > 0 ? pk * Log(pk / qk) : 0).Sum();

display(KlDivergenceOf([0.9, 0.1], [0.5, 0.5]));
