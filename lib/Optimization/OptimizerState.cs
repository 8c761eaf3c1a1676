namespace DlCourse.Optimization;

/// <summary>Lazily sized state buffers shared by the optimizers; they check that every step sees the same parameter count,
/// and the optimizers' arguments, as TorchSharp's and PyTorch's optimizers do.</summary>
internal static class OptimizerState
{
    /// <summary>η: finite and ≥ 0 (0 leaves the parameters where they are, as PyTorch allows; a schedule may end there).</summary>
    public static double CheckLearningRate(double value) =>
        double.IsFinite(value) && value >= 0 ? value : throw new ArgumentOutOfRangeException("learningRate", value, "the learning rate must be a finite number ≥ 0");

    /// <summary>A decay or momentum coefficient in [0, 1): at 1 or above the averages never forget and the steps grow.</summary>
    public static double CheckFraction(double value, string name) =>
        value is >= 0 and < 1 ? value : throw new ArgumentOutOfRangeException(name, value, $"{name} must be in [0, 1)");

    /// <summary>ε, the guard against dividing by a zero root: finite and ≥ 0.</summary>
    public static double CheckEpsilon(double value) =>
        double.IsFinite(value) && value >= 0 ? value : throw new ArgumentOutOfRangeException("epsilon", value, "epsilon must be a finite number ≥ 0");

    public static float[] Ensure(ref float[]? buffer, int length, string optimizer)
    {
        buffer ??= new float[length];
        if (buffer.Length != length)
            throw new ArgumentException($"{optimizer} was used on {buffer.Length} parameters and now on {length}: use one optimizer per parameter vector (or call Reset).");
        return buffer;
    }

    public static void CheckLengths(int parameters, int gradient)
    {
        if (parameters != gradient) throw new ArgumentException($"{parameters} parameters but a gradient of length {gradient}");
    }
}
