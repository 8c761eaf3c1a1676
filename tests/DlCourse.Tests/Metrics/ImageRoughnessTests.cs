using DlCourse.Metrics;

namespace DlCourse.Tests.Metrics;

public class ImageRoughnessTests
{
    [Fact]
    public void A_constant_image_is_perfectly_smooth()
    {
        Assert.Equal(0.0, ImageRoughness.Of(Enumerable.Repeat(-0.7f, 12).ToArray(), 3, 4));
    }

    [Fact]
    public void A_checkerboard_of_plus_and_minus_one_changes_by_two_at_every_neighbour()
    {
        var board = Enumerable.Range(0, 16).Select(i => (i / 4 + i % 4) % 2 == 0 ? 1f : -1f).ToArray();
        Assert.Equal(2.0, ImageRoughness.Of(board, 4, 4), 12);   // mean |difference| 2, mean |pixel| 1
    }

    [Fact]
    public void Hand_computed_two_by_two_image_and_scale_invariance()
    {
        // [1 2; 3 5]: neighbours differ by |2−1|, |3−1|, |5−2|, |5−3| = 1, 2, 3, 2 → mean 2; mean |pixel| 11/4.
        float[] image = [1, 2, 3, 5];
        Assert.Equal(2 / (11 / 4.0), ImageRoughness.Of(image, 2, 2), 12);
        Assert.Equal(ImageRoughness.Of(image, 2, 2), ImageRoughness.Of(image.Select(v => -3 * v).ToArray(), 2, 2), 6);
        // The same four pixels as one row: neighbours 1, 1, 2 → mean 4/3.
        Assert.Equal(4 / 3.0 / (11 / 4.0), ImageRoughness.Of(image, 1, 4), 12);
    }

    [Fact]
    public void Rejects_a_wrong_size_a_single_pixel_and_an_all_zero_image()
    {
        Assert.Throws<ArgumentException>(() => ImageRoughness.Of(new float[5], 2, 2));
        Assert.Throws<ArgumentException>(() => ImageRoughness.Of(new float[] { 1 }, 1, 1));
        Assert.Throws<ArgumentException>(() => ImageRoughness.Of(new float[4], 2, 2));
    }
}
