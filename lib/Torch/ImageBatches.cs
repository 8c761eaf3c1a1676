using System.Runtime.InteropServices;
using DlCourse.Data;
using TorchSharp;
using static TorchSharp.torch;

namespace DlCourse.Torch;

/// <summary>
/// Turns an in-memory image set (N·C·H·W floats and N labels) into mini-batches of tensors: shuffled, augmented and
/// normalised as configured. The order and the augmentation of an epoch depend only on (epoch, seed), so a run repeats
/// and a resumed run continues exactly where it stopped; the trainer passes its run's seed.
/// </summary>
public sealed class ImageBatches
{
    private readonly float[] images;
    private readonly int[] labels;

    public ImageBatches(float[] images, int[] labels, ImageShape shape, int batchSize = 64, bool shuffle = false,
        Augmentation? augmentation = null, Normalization? normalization = null, Device? device = null)
    {
        ArgumentNullException.ThrowIfNull(images);
        ArgumentNullException.ThrowIfNull(labels);
        if (images.Length != labels.Length * shape.Size)
            throw new ArgumentException($"{labels.Length} labels need {labels.Length * shape.Size} pixel values ({shape} each), got {images.Length}.");
        if (batchSize < 1) throw new ArgumentOutOfRangeException(nameof(batchSize), batchSize, "batch size must be positive");
        if (labels.Any(l => l < 0)) throw new ArgumentException("Labels must be class indices 0, 1, 2, ...");
        this.images = images;
        this.labels = labels;
        Shape = shape;
        BatchSize = batchSize;
        Shuffle = shuffle;
        Augmentation = augmentation ?? Augmentation.None;
        Normalization = normalization;
        Device = device ?? TorchDevice.Best;
    }

    /// <summary>Batches of a <see cref="Dataset"/> whose rows are images of <paramref name="shape"/> (see <see cref="ImageShape.Of"/>).</summary>
    public ImageBatches(Dataset data, ImageShape shape, int batchSize = 64, bool shuffle = false,
        Augmentation? augmentation = null, Normalization? normalization = null, Device? device = null)
        : this(data.Features, data.Labels, shape, batchSize, shuffle, augmentation, normalization, device)
    {
        if (data.FeatureCount != shape.Size)
            throw new ArgumentException($"The dataset's rows hold {data.FeatureCount} values, but {shape} images need {shape.Size}.");
    }

    public ImageShape Shape { get; }
    public int BatchSize { get; }
    public bool Shuffle { get; }
    public Augmentation Augmentation { get; }
    public Normalization? Normalization { get; }
    public Device Device { get; }

    /// <summary>Number of images.</summary>
    public int Count => labels.Length;

    public int BatchCount => (Count + BatchSize - 1) / BatchSize;

    /// <summary>The labels in their stored order (what <see cref="Epoch"/> yields when not shuffling).</summary>
    public IReadOnlyList<int> Labels => labels;

    /// <summary>Number of classes, one more than the largest label.</summary>
    public int ClassCount => labels.Length == 0 ? 0 : labels.Max() + 1;

    /// <summary>The same images with other settings, e.g. <c>train.With(augmentation: Augmentation.None)</c>.</summary>
    public ImageBatches With(int? batchSize = null, bool? shuffle = null, Augmentation? augmentation = null, Normalization? normalization = null, Device? device = null) =>
        new(images, labels, Shape, batchSize ?? BatchSize, shuffle ?? Shuffle, augmentation ?? Augmentation, normalization ?? Normalization, device ?? Device);

    /// <summary>The batches of epoch <paramref name="epoch"/> (0-based) of a run seeded with <paramref name="seed"/>; each one must be disposed by the caller.</summary>
    public IEnumerable<Batch> Epoch(int epoch = 0, int seed = 0)
    {
        var order = Enumerable.Range(0, Count).ToArray();
        var random = new Random(Seeds.For(seed, epoch));
        if (Shuffle) random.Shuffle(order);
        var size = Shape.Size;
        var pixels = new float[BatchSize * size];
        var targets = new long[BatchSize];
        for (var start = 0; start < Count; start += BatchSize)
        {
            var n = Math.Min(BatchSize, Count - start);
            for (var i = 0; i < n; i++)
            {
                var index = order[start + i];
                var source = images.AsSpan(index * size, size);
                var target = pixels.AsSpan(i * size, size);
                if (Augmentation.IsIdentity) source.CopyTo(target);
                else Augmentation.Apply(source, target, Shape, random);
                Normalization?.Apply(target, Shape);
                targets[i] = labels[index];
            }
            yield return MakeBatch(pixels.AsSpan(0, n * size), targets.AsSpan(0, n));
        }
    }

    private Batch MakeBatch(Span<float> pixels, Span<long> targets)
    {
        // The values are copied straight into new CPU tensors: a float[] per batch would be a large-object allocation
        // (200 KB for 64 images of 28 × 28). On another device, .to() copies and the scope frees the CPU tensors now.
        using var scope = NewDisposeScope();
        var n = targets.Length;
        var x = empty([n, Shape.Channels, Shape.Height, Shape.Width], float32);
        x.bytes = MemoryMarshal.AsBytes(pixels);
        var y = empty([n], int64);
        y.bytes = MemoryMarshal.AsBytes(targets);
        return new Batch(x.to(Device).DetachFromDisposeScope(), y.to(Device).DetachFromDisposeScope());
    }
}
