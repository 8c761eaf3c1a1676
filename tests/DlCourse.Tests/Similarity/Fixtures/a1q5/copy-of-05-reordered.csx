Matrix<double> SoftmaxJacobian(double[] z)
{
    double shift = z.Max();
    int size = z.Length;
    var result = Matrix<double>.Build.Dense(size, size);
    double[] exps = z.Select(v => Math.Exp(v - shift)).ToArray();
    double total = exps.Sum();
    double[] prob = exps.Select(v => v / total).ToArray();
    // off-diagonal entries: -p_k p_j
    for (int k = 0; k < size; k++)
        for (int j = 0; j < size; j++)
            if (k != j)
                result[k, j] = -prob[k] * prob[j];
    // diagonal entries: p_k (1 - p_k)
    for (int k = 0; k < size; k++)
        result[k, k] = prob[k] * (1.0 - prob[k]);
    return result;
}
