double Bce(double y, double yHat)
{
    ReadOnlySpan<double> labels = [y, 1 - y];
    ReadOnlySpan<double> probabilities = [yHat, 1 - yHat];
    double loss = 0;
    for (int k = 0; k < labels.Length; k++) loss -= labels[k] * Math.Log(probabilities[k]);
    return loss;
}
