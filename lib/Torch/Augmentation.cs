using TorchSharp;

namespace DlCourse.Torch;

/// <summary>
/// Training-time image augmentation: a random crop of the image zero-padded by <see cref="CropPadding"/> pixels on each
/// side (a random shift of up to that many pixels) and, if <see cref="HorizontalFlip"/>, a mirror with probability ½.
/// The random draws come from the caller's <see cref="Random"/>, so a seed fixes them.
/// </summary>
public sealed record Augmentation(int CropPadding = 0, bool HorizontalFlip = false)
{
    public static readonly Augmentation None = new();

    /// <summary>The usual CIFAR recipe: pad 4, random 32×32 crop, random horizontal flip.</summary>
    public static readonly Augmentation CropAndFlip = new(4, true);

    public bool IsIdentity => CropPadding == 0 && !HorizontalFlip;

    /// <summary>
    /// The shift-and-flip to apply instead of <see cref="Transform"/>, (image, shape, dy, dx, flip) → image: a notebook
    /// trains with its own by <c>Augmentation.CropAndFlip with { Shift = ShiftAndFlip }</c>.
    /// </summary>
    public Func<float[], ImageShape, int, int, bool, float[]>? Shift { get; init; }

    /// <summary>Writes the augmented <paramref name="image"/> (C×H×W, row-major) into <paramref name="output"/>.</summary>
    public void Apply(ReadOnlySpan<float> image, Span<float> output, ImageShape shape, Random random)
    {
        if (image.Length != shape.Size || output.Length != shape.Size)
            throw new ArgumentException($"Augmentation expects {shape.Size} values ({shape}), got {image.Length} in and {output.Length} out.");
        // Draw in a fixed order (dy, dx, flip) so that a seed gives the same images whichever options are on.
        var dy = CropPadding > 0 ? random.Next(-CropPadding, CropPadding + 1) : 0;
        var dx = CropPadding > 0 ? random.Next(-CropPadding, CropPadding + 1) : 0;
        var flip = HorizontalFlip && random.Next(2) == 1;
        if (Shift is null) { Transform(image, output, shape, dy, dx, flip); return; }
        var shifted = Shift(image.ToArray(), shape, dy, dx, flip);
        if (shifted is null || shifted.Length != shape.Size)
            throw new ArgumentException($"the Shift function returned {(shifted is null ? "null" : $"{shifted.Length} values")}; {shape} has {shape.Size}.");
        shifted.CopyTo(output);
    }

    /// <summary>
    /// The deterministic part: the image shifted by (<paramref name="dy"/>, <paramref name="dx"/>) and mirrored when
    /// <paramref name="flip"/>; pixels from outside the image are 0 (the zero padding).
    /// </summary>
    public static void Transform(ReadOnlySpan<float> image, Span<float> output, ImageShape shape, int dy, int dx, bool flip)
    {
        if (image.Length != shape.Size || output.Length != shape.Size)
            throw new ArgumentException($"Transform expects {shape.Size} values ({shape}), got {image.Length} in and {output.Length} out.");
        // torchvision's recipe in TorchSharp's operations: pad with zeros, cut the window at the shift, mirror it.
        int padding = Math.Max(Math.Abs(dy), Math.Abs(dx));
        using var scope = torch.NewDisposeScope();
        var window = torch.nn.functional.pad(torch.tensor(image.ToArray(), [shape.Channels, shape.Height, shape.Width]), [padding, padding, padding, padding])
            .narrow(1, padding + dy, shape.Height).narrow(2, padding + dx, shape.Width);
        (flip ? window.flip(2) : window).contiguous().data<float>().ToArray().CopyTo(output);
    }

    public override string ToString() => IsIdentity ? "none"
        : string.Join(" + ", new[] { CropPadding > 0 ? $"random crop (padding {CropPadding})" : null, HorizontalFlip ? "horizontal flip" : null }.Where(s => s is not null))
          + (Shift is null ? "" : " (notebook's transform)");
}
