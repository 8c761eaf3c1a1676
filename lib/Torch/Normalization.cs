namespace DlCourse.Torch;

/// <summary>Per-channel standardisation x ← (x − mean_c) / std_c, with statistics taken from the training images.</summary>
public sealed record Normalization(float[] Mean, float[] Std)
{
    /// <summary>Mean and standard deviation of each channel over all <paramref name="images"/> (N·C·H·W values).</summary>
    public static Normalization Fit(ReadOnlySpan<float> images, ImageShape shape)
    {
        if (images.Length == 0 || images.Length % shape.Size != 0)
            throw new ArgumentException($"Expected a whole number of {shape} images, got {images.Length} values.");
        var plane = shape.Height * shape.Width;
        var mean = new float[shape.Channels];
        var std = new float[shape.Channels];
        for (var c = 0; c < shape.Channels; c++)
        {
            double sum = 0, sumSq = 0;
            long n = 0;
            for (var start = c * plane; start < images.Length; start += shape.Size)
                foreach (var v in images.Slice(start, plane)) { sum += v; sumSq += (double)v * v; n++; }
            var m = sum / n;
            mean[c] = (float)m;
            std[c] = (float)Math.Sqrt(Math.Max(sumSq / n - m * m, 1e-12));
        }
        return new Normalization(mean, std);
    }

    /// <summary>Standardises one image in place.</summary>
    public void Apply(Span<float> image, ImageShape shape)
    {
        if (Mean.Length != shape.Channels) throw new ArgumentException($"Normalization has {Mean.Length} channels, the images {shape.Channels}.");
        var plane = shape.Height * shape.Width;
        for (var c = 0; c < shape.Channels; c++)
        {
            var values = image.Slice(c * plane, plane);
            float m = Mean[c], s = 1f / Std[c];
            for (var i = 0; i < values.Length; i++) values[i] = (values[i] - m) * s;
        }
    }

    public override string ToString() => $"mean [{string.Join(", ", Mean.Select(v => v.ToString("F3")))}], std [{string.Join(", ", Std.Select(v => v.ToString("F3")))}]";
}
