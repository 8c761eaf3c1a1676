namespace DlCourse.Optimization;

/// <summary>
/// An optimizer whose update is a function written in a notebook, so that the trainer applies that function:
/// <c>step(θ, g, η, t)</c> changes θ in place, or <c>step(η, t)</c> updates the trained model through its parameter
/// blocks; t = 1, 2, … counts the steps taken.
/// </summary>
/// <remarks>State the function keeps itself (Adam's moments) belongs to it: make a new rule, with new state, per run.</remarks>
public sealed class StepRule : IOptimizer
{
    private readonly string name;
    private readonly Action<float[], float[], double, int>? step;
    private readonly Action<double, int>? modelStep;
    private int steps;

    public StepRule(string name, double learningRate, Action<float[], float[], double, int> step) : this(name, learningRate) =>
        this.step = step ?? throw new ArgumentNullException(nameof(step));

    /// <summary>A rule that updates the model it trains itself (<c>W.Value[k, j] -= …</c>), from its gradient blocks.</summary>
    public StepRule(string name, double learningRate, Action<double, int> step) : this(name, learningRate) =>
        modelStep = step ?? throw new ArgumentNullException(nameof(step));

    private StepRule(string name, double learningRate)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        if (!double.IsFinite(learningRate) || learningRate <= 0)
            throw new ArgumentOutOfRangeException(nameof(learningRate), learningRate, "the learning rate must be positive and finite.");
        this.name = name;
        LearningRate = learningRate;
    }

    public double LearningRate { get; set; }

    public void Step(Span<float> parameters, ReadOnlySpan<float> gradient)
    {
        if (parameters.Length != gradient.Length)
            throw new ArgumentException($"{parameters.Length} parameters but {gradient.Length} gradient entries.");
        if (modelStep is not null)
        {
            modelStep(LearningRate, ++steps);
            return;
        }
        var theta = parameters.ToArray();
        step!(theta, gradient.ToArray(), LearningRate, ++steps);
        theta.CopyTo(parameters);
    }

    /// <summary>A rule <c>step(θ, g, buffers, η, t)</c> with <paramref name="bufferCount"/> zeroed buffers of θ's length, made on
    /// the first step and kept across steps (an update rule's running averages).</summary>
    public static StepRule WithBuffers(string name, double learningRate, int bufferCount, Action<float[], float[], float[][], double, int> step)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(bufferCount);
        ArgumentNullException.ThrowIfNull(step);
        float[][]? buffers = null;   // θ's length is known only at the first step
        return new StepRule(name, learningRate, (theta, gradient, rate, t) =>
        {
            buffers ??= Enumerable.Range(0, bufferCount).Select(_ => new float[theta.Length]).ToArray();
            step(theta, gradient, buffers, rate, t);
        });
    }

    public void Reset() => steps = 0;

    public override string ToString() => $"{name} (η={LearningRate:G3})";
}
