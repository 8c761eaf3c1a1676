Matrix<double> SoftmaxJacobian(double[] logits)
{
    // softmax with the max subtracted so exp never overflows
    double biggest = logits.Max();
    double[] expo = new double[logits.Length];
    double norm = 0;
    for (int r = 0; r < logits.Length; r++)
    {
        expo[r] = Math.Exp(logits[r] - biggest);
        norm += expo[r];
    }
    for (int r = 0; r < logits.Length; r++) expo[r] /= norm;

    var result = Matrix<double>.Build.Dense(logits.Length, logits.Length);
    for (int r = 0; r < logits.Length; r++)
    {
        for (int c = 0; c < logits.Length; c++)
        {
            if (r == c) result[r, c] = expo[r] * (1 - expo[r]);
            else result[r, c] = -expo[r] * expo[c];
        }
    }
    return result;
}
