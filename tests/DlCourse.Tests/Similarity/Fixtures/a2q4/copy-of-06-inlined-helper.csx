double[] NllGradient(double[] theta, Dataset data)
{
    var sum = new double[theta.Length];
    for (int i = 0; i < data.Count; i++)
    {
        var x = new double[] { data[i, 0], data[i, 1], 1.0 };
        double z = theta[0] * x[0] + theta[1] * x[1] + theta[2];
        var residual = 1.0 / (1.0 + Math.Exp(-z)) - data.Labels[i];
        for (int j = 0; j < sum.Length; j++)
            sum[j] += residual * x[j];
    }
    for (int j = 0; j < sum.Length; j++)
        sum[j] /= data.Count;
    return sum;
}
