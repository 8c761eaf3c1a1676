static double[] ShiftedExp(double[] logits)
{
    var top = logits.Max();
    return logits.Select(l => Math.Exp(l - top)).ToArray();
}

static double[] Normalise(double[] weights)
{
    var total = weights.Sum();
    return weights.Select(w => w / total).ToArray();
}

static double Entry(double[] probs, int row, int col) =>
    row == col ? probs[row] * (1 - probs[row]) : -probs[row] * probs[col];

Matrix<double> SoftmaxJacobian(double[] z)
{
    var probs = Normalise(ShiftedExp(z));
    return Matrix<double>.Build.Dense(z.Length, z.Length, (row, col) => Entry(probs, row, col));
}
