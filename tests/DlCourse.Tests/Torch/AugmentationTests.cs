using DlCourse.Torch;
using static TorchSharp.torch;

namespace DlCourse.Tests.Torch;

[Collection("Torch")]
public class AugmentationTests
{
    private static readonly ImageShape Shape = new(2, 4, 5);

    private static float[] Ramp() => Enumerable.Range(1, Shape.Size).Select(i => (float)i).ToArray();

    private static float At(float[] image, int c, int y, int x) => image[c * Shape.Height * Shape.Width + y * Shape.Width + x];

    [Fact]
    public void Flip_mirrors_every_row_of_every_channel()
    {
        var image = Ramp();
        var output = new float[Shape.Size];
        // Find a seed whose draw flips; with padding 0 the only draw is the coin.
        var seed = Enumerable.Range(0, 100).First(s => new Random(s).Next(2) == 1);
        new Augmentation(HorizontalFlip: true).Apply(image, output, Shape, new Random(seed));
        for (var c = 0; c < 2; c++)
            for (var y = 0; y < 4; y++)
                for (var x = 0; x < 5; x++)
                    Assert.Equal(At(image, c, y, 4 - x), At(output, c, y, x));
    }

    [Fact]
    public void Crop_with_padding_shifts_the_image_and_fills_with_zeros()
    {
        var image = Ramp();
        var output = new float[Shape.Size];
        var random = new Random(3);
        var probe = new Random(3);
        int dy = probe.Next(-2, 3), dx = probe.Next(-2, 3); // the same draws, in the documented order
        new Augmentation(CropPadding: 2).Apply(image, output, Shape, random);
        for (var c = 0; c < 2; c++)
            for (var y = 0; y < 4; y++)
                for (var x = 0; x < 5; x++)
                {
                    int sy = y + dy, sx = x + dx;
                    var expected = sy is >= 0 and < 4 && sx is >= 0 and < 5 ? At(image, c, sy, sx) : 0f;
                    Assert.Equal(expected, At(output, c, y, x));
                }
    }

    [Fact]
    public void Transform_is_the_shift_and_mirror_of_its_definition_for_any_offset()
    {
        var random = new Random(17);
        var shape = new ImageShape(3, 6, 7);
        for (var trial = 0; trial < 40; trial++)
        {
            var image = Enumerable.Range(0, shape.Size).Select(_ => (float)random.NextDouble()).ToArray();
            int dy = random.Next(-8, 9), dx = random.Next(-8, 9); // beyond the image too: all zeros
            var flip = random.Next(2) == 1;
            var output = new float[shape.Size];
            Augmentation.Transform(image, output, shape, dy, dx, flip);
            for (var c = 0; c < 3; c++)
                for (var y = 0; y < 6; y++)
                    for (var x = 0; x < 7; x++)
                    {
                        int sy = y + dy, sx = (flip ? 6 - x : x) + dx;
                        var expected = sy is >= 0 and < 6 && sx is >= 0 and < 7 ? image[(c * 6 + sy) * 7 + sx] : 0f;
                        Assert.Equal(expected, output[(c * 6 + y) * 7 + x]);
                    }
        }
        Assert.Throws<ArgumentException>(() => Augmentation.Transform(new float[5], new float[shape.Size], shape, 0, 0, false));
    }

    [Fact]
    public void Batches_repeat_under_the_same_seed_and_differ_under_another()
    {
        var (images, labels) = TorchTestData.Patches(40, ImageShape.Gray28, 3, seed: 1);
        var batches = new ImageBatches(images, labels, ImageShape.Gray28, 16, shuffle: true, augmentation: Augmentation.CropAndFlip, device: CPU);
        float[] Pixels(int seed, int epoch) => batches.Epoch(epoch, seed).SelectMany(batch => { using (batch) return batch.Images.data<float>().ToArray(); }).ToArray();

        Assert.Equal(Pixels(5, 3), Pixels(5, 3));
        Assert.NotEqual(Pixels(5, 3), Pixels(6, 3));
        Assert.NotEqual(Pixels(5, 3), Pixels(5, 4));
    }

    [Fact]
    public void Unshuffled_batches_keep_order_labels_and_shape()
    {
        var (images, labels) = TorchTestData.Patches(10, ImageShape.Gray28, 3, seed: 1);
        var batches = new ImageBatches(images, labels, ImageShape.Gray28, batchSize: 4, device: CPU).Epoch().ToList();
        Assert.Equal(new[] { 4, 4, 2 }, batches.Select(b => b.Count));
        Assert.Equal(new long[] { 2, 1, 28, 28 }, batches[2].Images.shape);
        Assert.Equal(labels.Select(l => (long)l), batches.SelectMany(b => b.Labels.data<long>().ToArray()));
        Assert.Equal(images.AsSpan(0, 784).ToArray(), batches[0].Images[0].data<float>().ToArray());
        Assert.Equal(images.AsSpan(9 * 784, 784).ToArray(), batches[2].Images[1].data<float>().ToArray()); // the short last batch
        batches.ForEach(b => b.Dispose());
    }

    [Fact]
    public void Normalization_gives_each_channel_zero_mean_and_unit_variance()
    {
        var random = new Random(2);
        var shape = new ImageShape(3, 4, 4);
        var images = Enumerable.Range(0, 50 * shape.Size).Select(i => (float)(random.NextDouble() * (1 + i % 3) + i % 3)).ToArray();
        var normalization = Normalization.Fit(images, shape);
        for (var n = 0; n < 50; n++) normalization.Apply(images.AsSpan(n * shape.Size, shape.Size), shape);
        for (var c = 0; c < 3; c++)
        {
            var values = Enumerable.Range(0, 50).SelectMany(n => images.Skip(n * shape.Size + c * 16).Take(16)).Select(v => (double)v).ToArray();
            var mean = values.Average();
            Assert.Equal(0, mean, 4);
            Assert.Equal(1, values.Select(v => (v - mean) * (v - mean)).Average(), 3);
        }
    }

    [Fact]
    public void Mismatched_labels_and_pixels_are_rejected()
    {
        var error = Assert.Throws<ArgumentException>(() => new ImageBatches(new float[784 * 3], [0, 1], ImageShape.Gray28, device: CPU));
        Assert.Contains("1568", error.Message);
    }

    [Fact]
    public void A_notebook_transform_replaces_the_library_one_with_the_same_draws()
    {
        var draws = new List<(int Dy, int Dx, bool Flip)>();
        float[] Mine(float[] image, ImageShape shape, int dy, int dx, bool flip)
        {
            draws.Add((dy, dx, flip));
            return Enumerable.Repeat(7f, shape.Size).ToArray();
        }
        var output = new float[Shape.Size];
        var augmentation = Augmentation.CropAndFlip with { Shift = Mine };
        augmentation.Apply(Ramp(), output, Shape, new Random(3));
        Assert.All(output, v => Assert.Equal(7f, v));
        var random = new Random(3);
        var expected = (random.Next(-4, 5), random.Next(-4, 5), random.Next(2) == 1);
        Assert.Equal([expected], draws);
        Assert.Contains("notebook's transform", augmentation.ToString());
        var wrong = Augmentation.CropAndFlip with { Shift = (_, _, _, _, _) => new float[3] };
        Assert.Contains("returned 3 values", Assert.Throws<ArgumentException>(() => wrong.Apply(Ramp(), output, Shape, new Random(1))).Message);
    }
}
