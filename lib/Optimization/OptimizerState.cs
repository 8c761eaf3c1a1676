namespace DlCourse.Optimization;

/// <summary>Lazily sized state buffers shared by the optimizers; they check that every step sees the same parameter count.</summary>
internal static class OptimizerState
{
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
