double[] NllGradient(double[] theta, Dataset data)
{
    var X = Matrix<double>.Build.Dense(data.Count, 3, (i, j) => j < 2 ? data[i, j] : 1.0);
    var y = Vector<double>.Build.Dense(data.Count, i => data.Labels[i]);
    var w = Vector<double>.Build.DenseOfArray(theta);
    var predictions = (X * w).Map(v => Sigmoid.Apply(v));
    return (X.TransposeThisAndMultiply(predictions - y) / data.Count).ToArray();
}
