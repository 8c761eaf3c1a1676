namespace DlCourse.Optimization;

/// <summary>
/// One gradient-descent variant: <see cref="Step"/> moves the parameters in place against their gradient. An instance
/// keeps the state (velocity, running averages) of one parameter vector, so use a fresh one per model.
/// </summary>
public interface IOptimizer
{
    /// <summary>The step size η; a learning-rate schedule changes it between epochs.</summary>
    double LearningRate { get; set; }

    /// <summary>Updates <paramref name="parameters"/> in place from <paramref name="gradient"/> (same length).</summary>
    void Step(Span<float> parameters, ReadOnlySpan<float> gradient);

    /// <summary>Forgets the accumulated state, as if no step had been taken.</summary>
    void Reset();
}
