using System.Numerics.Tensors;

namespace DlCourse.Optimization;

/// <summary>Plain gradient descent θ ← θ − η∇L; full-batch, mini-batch or stochastic depending only on the batch the gradient came from.</summary>
public sealed class GradientDescent(double learningRate) : IOptimizer
{
    private double learningRate = OptimizerState.CheckLearningRate(learningRate);

    public double LearningRate { get => learningRate; set => learningRate = OptimizerState.CheckLearningRate(value); }

    public void Step(Span<float> parameters, ReadOnlySpan<float> gradient)
    {
        OptimizerState.CheckLengths(parameters.Length, gradient.Length);
        TensorPrimitives.MultiplyAdd(gradient, (float)-LearningRate, parameters, parameters);
    }

    public void Reset() { }

    public override string ToString() => $"GD (η={LearningRate:G3})";
}
