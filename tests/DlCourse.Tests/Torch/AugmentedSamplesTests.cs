using DlCourse.Plotting;
using DlCourse.Torch;

namespace DlCourse.Tests.Torch;

public class AugmentedSamplesTests
{
    [Fact]
    public void The_draws_are_those_of_one_seeded_generator_in_turn()
    {
        var shape = new ImageShape(2, 5, 4);
        var image = Enumerable.Range(1, shape.Size).Select(i => (float)i).ToArray();
        var augmentation = new Augmentation(CropPadding: 1, HorizontalFlip: true);
        var versions = AugmentedSamples.Draw(augmentation, image, shape, count: 5, seed: 9);
        var random = new Random(9);
        Assert.Equal(5, versions.Count);
        foreach (var version in versions)
        {
            var expected = new float[shape.Size];
            augmentation.Apply(image, expected, shape, random);
            Assert.Equal(expected, version);
        }
        Assert.True(versions.Distinct(new ArrayComparer()).Count() > 1, "five draws with shifts and flips are not all the same");
        Assert.All(AugmentedSamples.Draw(Augmentation.None, image, shape, 2, seed: 1), v => Assert.Equal(image, v));
    }

    [Fact]
    public void A_figure_s_planes_are_the_original_s_first_channel_then_the_draws()
    {
        var shape = new ImageShape(3, 2, 2);
        var image = Enumerable.Range(1, shape.Size).Select(i => (float)i).ToArray();
        var augmentation = new Augmentation(CropPadding: 1, HorizontalFlip: true);
        var planes = AugmentedSamples.FirstChannels(augmentation, image, shape, count: 3, seed: 4);
        Assert.Equal(4, planes.Count);
        Assert.Equal([1f, 2, 3, 4], planes[0]);
        var draws = AugmentedSamples.Draw(augmentation, image, shape, count: 3, seed: 4);
        Assert.Equal(draws.Select(d => d.Take(4).ToArray()), planes.Skip(1));
        Assert.Throws<ArgumentException>(() => AugmentedSamples.FirstChannels(augmentation, new float[11], shape, 1, 0));
    }

    [Fact]
    public void The_figure_shows_the_planes_in_one_row_with_their_titles()
    {
        var shape = new ImageShape(3, 2, 2);
        var image = Enumerable.Range(1, shape.Size).Select(i => (float)i).ToArray();
        var augmentation = new Augmentation(CropPadding: 1, HorizontalFlip: true);
        var expected = Charts.ImageGrid(AugmentedSamples.FirstChannels(augmentation, image, shape, count: 2, seed: 4), 2, 2,
            ["original", "augmented 1", "augmented 2"], "shifts", columns: 3);
        Assert.Equal(ChartDisplay.FigureJson(expected), ChartDisplay.FigureJson(AugmentedSamples.Figure(augmentation, image, shape, 2, 4, "shifts")));
        Assert.Throws<ArgumentOutOfRangeException>(() => AugmentedSamples.Figure(augmentation, image, shape, -1, 4, "shifts"));
    }

    [Fact]
    public void Arguments_are_checked()
    {
        var shape = new ImageShape(1, 3, 3);
        Assert.Throws<ArgumentException>(() => AugmentedSamples.Draw(Augmentation.CropAndFlip, new float[8], shape, 1, 0));
        Assert.Throws<ArgumentOutOfRangeException>(() => AugmentedSamples.Draw(Augmentation.CropAndFlip, new float[9], shape, -1, 0));
        Assert.Throws<ArgumentNullException>(() => AugmentedSamples.Draw(null!, new float[9], shape, 1, 0));
    }

    private sealed class ArrayComparer : IEqualityComparer<float[]>
    {
        public bool Equals(float[]? a, float[]? b) => a!.SequenceEqual(b!);
        public int GetHashCode(float[] a) => a.Aggregate(17, (h, v) => h * 31 + v.GetHashCode());
    }
}
