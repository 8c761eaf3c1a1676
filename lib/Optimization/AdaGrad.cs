namespace DlCourse.Optimization;

/// <summary>AdaGrad: s ← s + g², θ ← θ − η g / (√s + ε); each coordinate's step shrinks with its accumulated gradient.</summary>
public sealed class AdaGrad(double learningRate, double epsilon = 1e-8) : IOptimizer
{
    private float[]? squares;

    private double learningRate = OptimizerState.CheckLearningRate(learningRate);

    public double LearningRate { get => learningRate; set => learningRate = OptimizerState.CheckLearningRate(value); }
    public double Epsilon { get; } = OptimizerState.CheckEpsilon(epsilon);

    public void Step(Span<float> parameters, ReadOnlySpan<float> gradient)
    {
        OptimizerState.CheckLengths(parameters.Length, gradient.Length);
        var s = OptimizerState.Ensure(ref squares, parameters.Length, nameof(AdaGrad));
        float eta = (float)LearningRate, eps = (float)Epsilon;
        for (int i = 0; i < parameters.Length; i++)
        {
            s[i] += gradient[i] * gradient[i];
            parameters[i] -= eta * gradient[i] / (MathF.Sqrt(s[i]) + eps);
        }
    }

    public void Reset() => squares = null;

    public override string ToString() => $"AdaGrad (η={LearningRate:G3})";
}
