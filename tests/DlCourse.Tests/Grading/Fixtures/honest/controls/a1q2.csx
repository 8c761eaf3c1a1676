// targets: a1q2-single-sample
// A sign error: the loss is the negative log-likelihood, not the log-likelihood.
double Bce(double y, double yHat)
{
    return y * Math.Log(yHat) + (1 - y) * Math.Log(1 - yHat);
}
