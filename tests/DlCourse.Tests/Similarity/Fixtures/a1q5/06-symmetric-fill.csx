Matrix<double> SoftmaxJacobian(double[] z)
{
    var p = StableSoftmax.Apply(z);
    var J = Matrix<double>.Build.Dense(p.Length, p.Length);
    for (var a = 0; a < p.Length; a++)
    {
        J[a, a] = p[a] - p[a] * p[a];
        for (var b = a + 1; b < p.Length; b++)
        {
            var v = -p[a] * p[b];
            J[a, b] = v;
            J[b, a] = v;
        }
    }
    return J;
}
