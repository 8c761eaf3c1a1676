namespace DlCourse.Optimization;

/// <summary>
/// Nesterov momentum in the form that needs the gradient only at the current parameters (as PyTorch does):
/// v ← μv + ∇L, θ ← θ − η(∇L + μv), equivalent to evaluating the gradient at the look-ahead point.
/// </summary>
public sealed class Nesterov(double learningRate, double momentum = 0.9) : IOptimizer
{
    private float[]? velocity;

    private double learningRate = OptimizerState.CheckLearningRate(learningRate);

    public double LearningRate { get => learningRate; set => learningRate = OptimizerState.CheckLearningRate(value); }
    public double Coefficient { get; } = OptimizerState.CheckFraction(momentum, nameof(momentum));

    public void Step(Span<float> parameters, ReadOnlySpan<float> gradient)
    {
        OptimizerState.CheckLengths(parameters.Length, gradient.Length);
        var v = OptimizerState.Ensure(ref velocity, parameters.Length, nameof(Nesterov));
        float mu = (float)Coefficient, eta = (float)LearningRate;
        for (int i = 0; i < parameters.Length; i++)
        {
            v[i] = mu * v[i] + gradient[i];
            parameters[i] -= eta * (gradient[i] + mu * v[i]);
        }
    }

    public void Reset() => velocity = null;

    public override string ToString() => $"Nesterov (η={LearningRate:G3}, μ={Coefficient})";
}
