using System.Diagnostics;

void RegularisedStep(float[] parameters, float[] dataGradient, int weightCount, double eta, double lambda)
{
    Debug.Assert(parameters.Length == dataGradient.Length);
    var weights = parameters.AsSpan(0, weightCount);
    var biases = parameters.AsSpan(weightCount);
    for (int j = 0; j < weights.Length; j++) weights[j] -= (float)(eta * (dataGradient[j] + lambda * weights[j]));
    for (int j = 0; j < biases.Length; j++) biases[j] -= (float)(eta * (dataGradient[weightCount + j] + 0));
}
