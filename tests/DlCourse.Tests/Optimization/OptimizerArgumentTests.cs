using DlCourse.Optimization;

namespace DlCourse.Tests.Optimization;

/// <summary>Every optimizer refuses an argument it cannot step with, at construction (as TorchSharp's SGD and Adam do).</summary>
public class OptimizerArgumentTests
{
    public static TheoryData<string, Func<IOptimizer>> Invalid() => new()
    {
        { "learningRate", () => new GradientDescent(-0.1) },
        { "learningRate", () => new GradientDescent(double.NaN) },
        { "learningRate", () => new Momentum(double.PositiveInfinity) },
        { "momentum", () => new Momentum(0.1, momentum: 1) },
        { "momentum", () => new Nesterov(0.1, momentum: -0.5) },
        { "momentum", () => new Nesterov(0.1, momentum: double.NaN) },
        { "epsilon", () => new AdaGrad(0.1, epsilon: -1e-8) },
        { "decay", () => new RmsProp(0.1, decay: 1.5) },
        { "epsilon", () => new RmsProp(0.1, epsilon: double.NaN) },
        { "beta1", () => new Adam(beta1: 1) },
        { "beta2", () => new Adam(beta2: -0.1) },
        { "learningRate", () => new Adam(learningRate: -1e-3) },
    };

    [Theory]
    [MemberData(nameof(Invalid))]
    public void A_bad_argument_is_refused_by_name(string parameter, Func<IOptimizer> make)
    {
        var error = Assert.Throws<ArgumentOutOfRangeException>(make);
        Assert.Equal(parameter, error.ParamName);
    }

    [Fact]
    public void Valid_arguments_step_and_a_bad_learning_rate_is_refused_later_too()
    {
        IOptimizer[] optimizers = [new GradientDescent(0), new Momentum(0.1, 0), new Nesterov(0.1, 0.99), new AdaGrad(0.1, 0), new RmsProp(0.1, 0), new Adam(0.1, 0, 0)];
        foreach (var optimizer in optimizers)
        {
            var parameters = new float[] { 1, 2 };
            optimizer.Step(parameters, [0.5f, -0.5f]);
            Assert.All(parameters, p => Assert.True(float.IsFinite(p)));
            Assert.Throws<ArgumentOutOfRangeException>(() => optimizer.LearningRate = double.NaN);
        }
    }
}
