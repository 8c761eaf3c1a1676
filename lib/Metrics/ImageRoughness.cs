namespace DlCourse.Metrics;

/// <summary>How rough an image is: the mean absolute difference between horizontally and vertically adjacent pixels,
/// divided by the mean absolute pixel, so that scaling the image leaves it unchanged (a constant image has 0).</summary>
public static class ImageRoughness
{
    /// <summary>The roughness of a height × width image stored row by row.</summary>
    public static double Of(ReadOnlySpan<float> pixels, int height, int width)
    {
        if (height < 1 || width < 1 || (height == 1 && width == 1))
            throw new ArgumentException($"A {height} × {width} image has no adjacent pixels; pass at least two pixels.", nameof(height));
        if (pixels.Length != height * width)
            throw new ArgumentException($"A {height} × {width} image has {height * width} pixels, not {pixels.Length}.", nameof(pixels));
        double differences = 0, size = 0;
        int count = 0;
        foreach (var v in pixels) size += Math.Abs(v);
        size /= pixels.Length;
        if (size == 0) throw new ArgumentException("The image is all zeros, so its roughness relative to its size is undefined.", nameof(pixels));
        for (int r = 0; r < height; r++)
            for (int c = 0; c < width; c++)
            {
                if (c + 1 < width) { differences += Math.Abs(pixels[r * width + c + 1] - pixels[r * width + c]); count++; }
                if (r + 1 < height) { differences += Math.Abs(pixels[(r + 1) * width + c] - pixels[r * width + c]); count++; }
            }
        return differences / count / size;
    }
}
