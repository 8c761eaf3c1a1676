namespace DlCourse.Metrics;

/// <summary>Checks shared by the metrics: equal lengths, labels within 0..K−1.</summary>
internal static class LabelInputs
{
    internal static void Validate(int[] predicted, int[] truth, int? classCount = null)
    {
        ArgumentNullException.ThrowIfNull(truth);
        ArgumentNullException.ThrowIfNull(predicted);
        if (truth.Length != predicted.Length)
            throw new ArgumentException($"truth has {truth.Length} labels but predicted has {predicted.Length}; pass one prediction per sample.", nameof(predicted));
        if (truth.Length == 0) throw new ArgumentException("There are no samples; pass at least one label.", nameof(truth));
        if (classCount is int k)
        {
            if (k < 1) throw new ArgumentException($"classCount must be at least 1, not {k}.", nameof(classCount));
            InRange(truth, k, nameof(truth));
            InRange(predicted, k, nameof(predicted));
        }
    }

    private static void InRange(int[] labels, int k, string name)
    {
        for (int i = 0; i < labels.Length; i++)
            if (labels[i] < 0 || labels[i] >= k)
                throw new ArgumentException($"{name}[{i}] = {labels[i]} is not a class label: labels must be in 0..{k - 1} for {k} classes.", name);
    }
}
