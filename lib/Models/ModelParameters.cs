namespace DlCourse.Models;

/// <summary>The parameter copy the models share.</summary>
internal static class ModelParameters
{
    /// <summary>Copies <paramref name="source"/> into a model's parameters, which must have the same length.</summary>
    public static void CopyInto(ReadOnlySpan<float> source, float[] parameters)
    {
        if (source.Length != parameters.Length)
            throw new ArgumentException($"the model has {parameters.Length} parameters, {source.Length} were given", nameof(source));
        source.CopyTo(parameters);
    }
}
