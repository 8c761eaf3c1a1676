namespace DlCourse.Data;

/// <summary>A labelled image set split into its official train and test parts; each image is a row of Height × Width pixels in [0, 1].</summary>
public sealed record ImageSet(Dataset Train, Dataset Test, IReadOnlyList<string> ClassNames, int Height, int Width)
{
    /// <summary>Only the images of two classes in both parts, relabelled <paramref name="negative"/> → 0 and <paramref name="positive"/> → 1 (<see cref="Dataset.Binary"/>).</summary>
    public ImageSet Binary(int negative, int positive) =>
        new ImageSet(Train.Binary(negative, positive), Test.Binary(negative, positive), [ClassNames[negative], ClassNames[positive]], Height, Width);
}
