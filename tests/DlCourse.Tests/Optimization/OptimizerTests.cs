using DlCourse.Optimization;
using TorchSharp;
using static TorchSharp.torch;

namespace DlCourse.Tests.Optimization;

/// <summary>Each optimizer against TorchSharp's implementation fed the same gradients, and against steps worked out by hand.</summary>
public class OptimizerTests
{
    // Gradients of f(θ) = ½ θᵀ diag(1, 10) θ: an ill-conditioned quadratic, so momentum and adaptivity matter.
    private static double[] QuadraticGradient(double[] p) => [p[0], 10 * p[1]];

    private static List<double[]> Ours(IOptimizer optimizer, int steps) => Support.OptimizerPath.Follow(optimizer, QuadraticGradient, [1.5, -1.0], steps);

    private static List<double[]> Torch(Func<IEnumerable<TorchSharp.Modules.Parameter>, optim.Optimizer> make, int steps)
    {
        var theta = new TorchSharp.Modules.Parameter(tensor(new float[] { 1.5f, -1.0f }));
        var optimizer = make([theta]);
        var path = new List<double[]> { new[] { 1.5, -1.0 } };
        for (int t = 0; t < steps; t++)
        {
            optimizer.zero_grad();
            var loss = 0.5f * (theta[0] * theta[0] + 10f * theta[1] * theta[1]);
            loss.backward();
            optimizer.step();
            path.Add(theta.data<float>().Select(v => (double)v).ToArray());
        }
        return path;
    }

    public static TheoryData<string> Names => new() { "gd", "momentum", "nesterov", "adagrad", "rmsprop", "adam" };

    [Theory]
    [MemberData(nameof(Names))]
    public void MatchesTorchSharp(string name)
    {
        const int steps = 25;
        var (ours, theirs) = name switch
        {
            "gd" => (Ours(new GradientDescent(0.05), steps), Torch(p => optim.SGD(p, 0.05), steps)),
            "momentum" => (Ours(new Momentum(0.05, 0.9), steps), Torch(p => optim.SGD(p, 0.05, momentum: 0.9), steps)),
            "nesterov" => (Ours(new Nesterov(0.05, 0.9), steps), Torch(p => optim.SGD(p, 0.05, momentum: 0.9, nesterov: true), steps)),
            "adagrad" => (Ours(new AdaGrad(0.3, 1e-10)), Torch(p => optim.Adagrad(p, 0.3), steps)),
            "rmsprop" => (Ours(new RmsProp(0.05, 0.99, 1e-8), steps), Torch(p => optim.RMSProp(p, 0.05, alpha: 0.99, eps: 1e-8), steps)),
            "adam" => (Ours(new Adam(0.1), steps), Torch(p => optim.Adam(p, 0.1), steps)),
            _ => throw new ArgumentException(name),
        };
        Assert.Equal(theirs.Count, ours.Count);
        for (int t = 0; t < ours.Count; t++)
            for (int i = 0; i < 2; i++)
                Assert.True(Math.Abs(ours[t][i] - theirs[t][i]) < 1e-4, $"{name} step {t} coordinate {i}: {ours[t][i]} vs torch {theirs[t][i]}");

        List<double[]> Ours(IOptimizer o, int s = steps) => OptimizerTests.Ours(o, s);
    }

    [Fact]
    public void AdamFirstStepIsLearningRateTimesSignOfGradient()
    {
        // With the bias correction, m̂ = g and v̂ = g² after one step, so the move is η·g/|g| whatever the scale of g.
        var p = new float[] { 0, 0 };
        new Adam(0.01).Step(p, [1000f, -1e-3f]);
        Assert.Equal(-0.01f, p[0], 5);
        Assert.Equal(0.01f, p[1], 4);
    }

    [Fact]
    public void MomentumStepsByHand()
    {
        var p = new float[] { 1 };
        var o = new Momentum(0.1, 0.5);
        o.Step(p, [2f]);        // v = −0.2
        Assert.Equal(0.8f, p[0], 6);
        o.Step(p, [2f]);        // v = 0.5·(−0.2) − 0.2 = −0.3
        Assert.Equal(0.5f, p[0], 6);
        o.Reset();
        o.Step(p, [0f]);
        Assert.Equal(0.5f, p[0], 6);
    }

    [Fact]
    public void OneOptimizerPerParameterVector()
    {
        var o = new Adam();
        o.Step(new float[3], new float[3]);
        Assert.Contains("one optimizer per parameter vector", Assert.Throws<ArgumentException>(() => o.Step(new float[2], new float[2])).Message);
        Assert.Throws<ArgumentException>(() => new GradientDescent(0.1).Step(new float[2], new float[3]));
    }

    [Fact]
    public void SchedulesFollowTheirFormulas()
    {
        Assert.Equal(0.1, LearningRateSchedules.Constant(0.1)(7));
        Assert.Equal([1.0, 1, 0.5, 0.5, 0.25], Enumerable.Range(1, 5).Select(e => LearningRateSchedules.Step(1, 0.5, 2)(e)));
        Assert.Equal(0.81, LearningRateSchedules.Exponential(1, 0.9)(3), 12);
        Assert.Equal(0.5, LearningRateSchedules.InverseTime(1, 0.5)(3), 12);
        var cosine = LearningRateSchedules.Cosine(1, 5, 0.1);
        Assert.Equal(1, cosine(1), 12);
        Assert.Equal(0.55, cosine(3), 12);
        Assert.Equal(0.1, cosine(5), 12);
    }
}
