double[] NllGradient(double[] theta, Dataset data)
{
    var gradient = new double[3];
    for (int i = 0; i < data.Count; i++)
    {
        double error = Sigmoid.Apply(theta[0] * data[i, 0] + theta[1] * data[i, 1] + theta[2]) - data.Labels[i];
        gradient[0] += error * data[i, 0];
        gradient[1] += error * data[i, 1];
        gradient[2] += error;
    }
    for (int j = 0; j < gradient.Length; j++) gradient[j] /= data.Count;
    return gradient;
}
var (g0, g1) = (NllGradient([0, 0, 0], Synthetic.Xor())[0], NllGradient([0, 0, 0], Synthetic.Xor())[1]);
Console.WriteLine($"at zero: {g0}, {g1}");
