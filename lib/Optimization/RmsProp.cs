namespace DlCourse.Optimization;

/// <summary>RMSProp: s ← ρs + (1 − ρ)g², θ ← θ − η g / (√s + ε); like AdaGrad with a forgetting average.</summary>
public sealed class RmsProp(double learningRate, double decay = 0.9, double epsilon = 1e-8) : IOptimizer
{
    private float[]? squares;

    private double learningRate = OptimizerState.CheckLearningRate(learningRate);

    public double LearningRate { get => learningRate; set => learningRate = OptimizerState.CheckLearningRate(value); }
    public double Epsilon { get; } = OptimizerState.CheckEpsilon(epsilon);
    public double Decay { get; } = OptimizerState.CheckFraction(decay, nameof(decay));

    public void Step(Span<float> parameters, ReadOnlySpan<float> gradient)
    {
        OptimizerState.CheckLengths(parameters.Length, gradient.Length);
        var s = OptimizerState.Ensure(ref squares, parameters.Length, nameof(RmsProp));
        float eta = (float)LearningRate, rho = (float)Decay, eps = (float)Epsilon;
        for (int i = 0; i < parameters.Length; i++)
        {
            s[i] = rho * s[i] + (1 - rho) * gradient[i] * gradient[i];
            parameters[i] -= eta * gradient[i] / (MathF.Sqrt(s[i]) + eps);
        }
    }

    public void Reset() => squares = null;

    public override string ToString() => $"RMSProp (η={LearningRate:G3}, ρ={Decay})";
}
