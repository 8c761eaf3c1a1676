namespace DlCourse.Data;

/// <summary>A labelled image set split into its official train and test parts; each image is a row of Height × Width pixels in [0, 1].</summary>
public sealed record ImageSet(Dataset Train, Dataset Test, IReadOnlyList<string> ClassNames, int Height, int Width);
