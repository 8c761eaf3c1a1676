using System.Diagnostics;

void RegularisedStep(SoftmaxClassifier model, double eta, double lambda)
{
    Debug.Assert(model.W.Rows == model.b.Rows);
    var weights = model.W.Value.AsSpan();
    var weightGradient = model.W.Grad.AsSpan();
    var biases = model.b.Value.AsSpan();
    var biasGradient = model.b.Grad.AsSpan();
    for (int j = 0; j < weights.Length; j++) weights[j] -= (float)(eta * (weightGradient[j] + lambda * weights[j]));
    for (int j = 0; j < biases.Length; j++) biases[j] -= (float)(eta * (biasGradient[j] + 0));
}
