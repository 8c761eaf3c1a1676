double Predict(double[] theta, double x1, double x2)
{
    double z = theta[0] * x1 + theta[1] * x2 + theta[2];
    return 1.0 / (1.0 + Math.Exp(-z));
}

double[] Features(Dataset data, int i) => new double[] { data[i, 0], data[i, 1], 1.0 };

double[] NllGradient(double[] theta, Dataset data)
{
    var sum = new double[theta.Length];
    for (int i = 0; i < data.Count; i++)
    {
        var x = Features(data, i);
        var residual = Predict(theta, x[0], x[1]) - data.Labels[i];
        for (int j = 0; j < sum.Length; j++)
            sum[j] += residual * x[j];
    }
    for (int j = 0; j < sum.Length; j++)
        sum[j] /= data.Count;
    return sum;
}
