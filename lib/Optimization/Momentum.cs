namespace DlCourse.Optimization;

/// <summary>Heavy-ball momentum: v ← μv − η∇L, θ ← θ + v; the velocity averages out oscillating directions.</summary>
public sealed class Momentum(double learningRate, double momentum = 0.9) : IOptimizer
{
    private float[]? velocity;

    private double learningRate = OptimizerState.CheckLearningRate(learningRate);

    public double LearningRate { get => learningRate; set => learningRate = OptimizerState.CheckLearningRate(value); }
    public double Coefficient { get; } = OptimizerState.CheckFraction(momentum, nameof(momentum));

    public void Step(Span<float> parameters, ReadOnlySpan<float> gradient)
    {
        OptimizerState.CheckLengths(parameters.Length, gradient.Length);
        var v = OptimizerState.Ensure(ref velocity, parameters.Length, nameof(Momentum));
        float mu = (float)Coefficient, eta = (float)LearningRate;
        for (int i = 0; i < parameters.Length; i++)
        {
            v[i] = mu * v[i] - eta * gradient[i];
            parameters[i] += v[i];
        }
    }

    public void Reset() => velocity = null;

    public override string ToString() => $"Momentum (η={LearningRate:G3}, μ={Coefficient})";
}
