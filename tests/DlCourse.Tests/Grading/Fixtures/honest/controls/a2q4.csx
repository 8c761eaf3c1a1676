// targets: a2q4-gradient
// The gradient of the summed loss: the 1/n of the mean is missing.
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
    return gradient;
}
