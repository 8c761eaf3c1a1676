namespace DlCourse.Optimization;

/// <summary>
/// Adam (Kingma and Ba, 2015): steps scaled by bias-corrected moving averages of the gradient and of its square.
/// </summary>
public sealed class Adam(double learningRate = 1e-3, double beta1 = 0.9, double beta2 = 0.999, double epsilon = 1e-8) : IOptimizer
{
    private float[]? mean, squares;
    private int steps;

    private double learningRate = OptimizerState.CheckLearningRate(learningRate);

    public double LearningRate { get => learningRate; set => learningRate = OptimizerState.CheckLearningRate(value); }
    public double Beta1 { get; } = OptimizerState.CheckFraction(beta1, nameof(beta1));
    public double Beta2 { get; } = OptimizerState.CheckFraction(beta2, nameof(beta2));
    public double Epsilon { get; } = OptimizerState.CheckEpsilon(epsilon);

    public void Step(Span<float> parameters, ReadOnlySpan<float> gradient)
    {
        OptimizerState.CheckLengths(parameters.Length, gradient.Length);
        var m = OptimizerState.Ensure(ref mean, parameters.Length, nameof(Adam));
        var v = OptimizerState.Ensure(ref squares, parameters.Length, nameof(Adam));
        steps++;
        double correction1 = 1 - Math.Pow(Beta1, steps), correction2 = 1 - Math.Pow(Beta2, steps);
        float b1 = (float)Beta1, b2 = (float)Beta2, eps = (float)Epsilon;
        float stepSize = (float)(LearningRate / correction1), rootCorrection2 = (float)Math.Sqrt(correction2);
        for (int i = 0; i < parameters.Length; i++)
        {
            m[i] = b1 * m[i] + (1 - b1) * gradient[i];
            v[i] = b2 * v[i] + (1 - b2) * gradient[i] * gradient[i];
            parameters[i] -= stepSize * m[i] / (MathF.Sqrt(v[i]) / rootCorrection2 + eps);
        }
    }

    public void Reset() { mean = squares = null; steps = 0; }

    public override string ToString() => $"Adam (η={LearningRate:G3})";
}
