using DlCourse.Plotting;
using Plotly.NET;

namespace DlCourse.Torch;

/// <summary>Augmented versions of one image, drawn from a seed, for a figure of what an augmentation does.</summary>
public static class AugmentedSamples
{
    /// <summary><paramref name="count"/> augmented copies of <paramref name="image"/> (C×H×W), drawn in turn from one generator seeded with <paramref name="seed"/>.</summary>
    public static IReadOnlyList<float[]> Draw(Augmentation augmentation, float[] image, ImageShape shape, int count, int seed)
    {
        ArgumentNullException.ThrowIfNull(augmentation);
        ArgumentNullException.ThrowIfNull(image);
        ArgumentOutOfRangeException.ThrowIfNegative(count);
        if (image.Length != shape.Size) throw new ArgumentException($"The image has {image.Length} values; {shape} has {shape.Size}.", nameof(image));
        var draws = new Random(seed);
        var versions = new List<float[]>(count);
        for (var i = 0; i < count; i++)
        {
            var augmented = new float[shape.Size];
            augmentation.Apply(image, augmented, shape, draws);
            versions.Add(augmented);
        }
        return versions;
    }

    /// <summary>The first channel (H×W) of <paramref name="image"/>, then that of each of <see cref="Draw"/>'s copies: the planes of a figure.</summary>
    public static IReadOnlyList<float[]> FirstChannels(Augmentation augmentation, float[] image, ImageShape shape, int count, int seed)
    {
        var plane = shape.Height * shape.Width;
        return Draw(augmentation, image, shape, count, seed).Prepend(image).Select(v => v[..plane]).ToList();
    }

    /// <summary>A figure of <see cref="FirstChannels"/> in one row, titled "original", "augmented 1", … "augmented <paramref name="count"/>".</summary>
    public static GenericChart Figure(Augmentation augmentation, float[] image, ImageShape shape, int count, int seed, string title) =>
        Charts.ImageGrid(FirstChannels(augmentation, image, shape, count, seed), shape.Height, shape.Width,
            ["original", .. Enumerable.Range(1, count).Select(i => $"augmented {i}")], title, columns: count + 1);
}
