using DlCourse.Torch;

namespace DlCourse.Tests.Torch;

/// <summary>All Torch tests share libtorch's global generator and threads, so they run one at a time.</summary>
[CollectionDefinition("Torch", DisableParallelization = true)]
public sealed class TorchCollection;

internal static class TorchTestData
{
    /// <summary>Noisy images whose class is the position of a bright 6×6 patch: learnable in a few steps, impossible by chance.</summary>
    public static (float[] Images, int[] Labels) Patches(int count, ImageShape shape, int classes, int seed)
    {
        var random = new Random(seed);
        var images = new float[count * shape.Size];
        var labels = new int[count];
        for (var i = 0; i < count; i++)
        {
            var label = labels[i] = random.Next(classes);
            var image = images.AsSpan(i * shape.Size, shape.Size);
            for (var j = 0; j < image.Length; j++) image[j] = (float)(random.NextDouble() * 0.5);
            var top = 2 + label * (shape.Height - 8) / Math.Max(classes - 1, 1);
            for (var c = 0; c < shape.Channels; c++)
                for (var y = top; y < top + 6; y++)
                    for (var x = 4; x < 10; x++)
                        image[c * shape.Height * shape.Width + y * shape.Width + x] += 1f;
        }
        return (images, labels);
    }

    public static ImageBatches Batches(int count, ImageShape shape, int classes, int seed, int batchSize = 32, bool shuffle = true)
    {
        var (images, labels) = Patches(count, shape, classes, seed);
        return new ImageBatches(images, labels, shape, batchSize, shuffle, device: TorchSharp.torch.CPU); // tests run on the CPU even where a GPU is present: bit-exact comparisons
    }
}
