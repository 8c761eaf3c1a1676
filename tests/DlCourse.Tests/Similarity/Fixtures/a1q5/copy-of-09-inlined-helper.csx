Matrix<double> SoftmaxJacobian(double[] z)
{
    var top = z.Max();
    var weights = z.Select(l => Math.Exp(l - top)).ToArray();
    var total = weights.Sum();
    var probs = weights.Select(w => w / total).ToArray();
    return Matrix<double>.Build.Dense(z.Length, z.Length, (row, col) =>
        row == col ? probs[row] * (1 - probs[row]) : -probs[row] * probs[col]);
}
