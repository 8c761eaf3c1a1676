void RegularisedStep(float[] parameters, float[] dataGradient, int weightCount, double eta, double lambda)
{
    double Penalty(int j) => j < weightCount ? lambda * parameters[j] : 0;
    var steps = Enumerable.Range(0, parameters.Length).Select(j => (float)(eta * (dataGradient[j] + Penalty(j)))).ToArray();
    for (int j = 0; j < parameters.Length; j++) parameters[j] -= steps[j];
}
