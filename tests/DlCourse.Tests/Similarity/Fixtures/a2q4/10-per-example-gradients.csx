double[] NllGradient(double[] theta, Dataset data)
{
    double[] ExampleGradient(int n)
    {
        double[] features = [data[n, 0], data[n, 1], 1];
        double activation = features.Zip(theta).Sum(pair => pair.First * pair.Second);
        double gap = Sigmoid.Apply(activation) - data.Labels[n];
        return features.Select(f => gap * f).ToArray();
    }
    var perExample = Enumerable.Range(0, data.Count).Select(ExampleGradient).ToList();
    return Enumerable.Range(0, theta.Length).Select(j => perExample.Average(g => g[j])).ToArray();
}
