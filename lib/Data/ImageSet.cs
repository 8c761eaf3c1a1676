namespace DlCourse.Data;

/// <summary>A labelled image set split into its official train and test parts; each image is a row of Height × Width pixels in [0, 1].</summary>
public sealed record ImageSet(Dataset Train, Dataset Test, IReadOnlyList<string> ClassNames, int Height, int Width)
{
    /// <summary>Only the images of two classes in both parts, relabelled <paramref name="negative"/> → 0 and <paramref name="positive"/> → 1 (<see cref="Dataset.Binary"/>).</summary>
    public ImageSet Binary(int negative, int positive)
    {
        if (negative < 0 || negative >= ClassNames.Count)
            throw new ArgumentOutOfRangeException(nameof(negative), negative, $"The set's classes are 0 to {ClassNames.Count - 1}.");
        if (positive < 0 || positive >= ClassNames.Count)
            throw new ArgumentOutOfRangeException(nameof(positive), positive, $"The set's classes are 0 to {ClassNames.Count - 1}.");
        if (negative == positive) throw new ArgumentException($"The two classes must differ; both are {negative}.", nameof(positive));
        return new ImageSet(Train.Binary(negative, positive), Test.Binary(negative, positive), [ClassNames[negative], ClassNames[positive]], Height, Width);
    }
}
