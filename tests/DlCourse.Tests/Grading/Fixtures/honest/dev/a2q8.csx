using System.Runtime.CompilerServices;

[MethodImpl(MethodImplOptions.AggressiveInlining)]
static float Moment(float previous, double beta, double value) => (float)(beta * previous + (1 - beta) * value);

void AdamStep(float[] theta, float[] gradient, float[] m, float[] v, int t, double eta, double beta1 = 0.9, double beta2 = 0.999, double epsilon = 1e-8)
{
    for (int i = 0; i < theta.Length; i++)
    {
        m[i] = Moment(m[i], beta1, gradient[i]);
        v[i] = Moment(v[i], beta2, (double)gradient[i] * gradient[i]);
        double mHat = m[i] / (1 - Math.Pow(beta1, t));
        double vHat = v[i] / (1 - Math.Pow(beta2, t));
        theta[i] -= (float)(eta * mHat / (Math.Sqrt(vHat) + epsilon));
    }
}
