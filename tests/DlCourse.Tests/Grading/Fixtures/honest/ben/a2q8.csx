using static System.Math;

void AdamStep(float[] theta, float[] gradient, float[] m, float[] v, int t, double eta, double beta1 = 0.9, double beta2 = 0.999, double epsilon = 1e-8)
{
    double Corrected(double moment, double beta) => moment / (1 - Pow(beta, t));
    foreach (var i in Enumerable.Range(0, theta.Length))
    {
        m[i] = (float)(beta1 * m[i] + (1 - beta1) * gradient[i]);
        v[i] = (float)(beta2 * v[i] + (1 - beta2) * gradient[i] * gradient[i]);
        theta[i] -= (float)(eta * Corrected(m[i], beta1) / (Sqrt(Corrected(v[i], beta2)) + epsilon));
    }
}
