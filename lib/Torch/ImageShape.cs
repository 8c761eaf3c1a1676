using DlCourse.Data;

namespace DlCourse.Torch;

/// <summary>The shape of one image, channels × height × width (1×28×28 for Fashion-MNIST, 3×32×32 for CIFAR-10 and SVHN).</summary>
public readonly record struct ImageShape(int Channels, int Height, int Width)
{
    public static readonly ImageShape Gray28 = new(1, 28, 28);
    public static readonly ImageShape Color32 = new(3, 32, 32);

    /// <summary>Values per image, C·H·W.</summary>
    public int Size => Channels * Height * Width;

    /// <summary>The shape of a set's images; channels follow from the row length (rows hold C planes of H×W, channel-major).</summary>
    public static ImageShape Of(ImageSet set)
    {
        var plane = set.Height * set.Width;
        if (set.Train.FeatureCount % plane != 0)
            throw new ArgumentException($"Rows of {set.Train.FeatureCount} values are not whole {set.Height}×{set.Width} planes.");
        return new ImageShape(set.Train.FeatureCount / plane, set.Height, set.Width);
    }

    public override string ToString() => $"{Channels}×{Height}×{Width}";
}
