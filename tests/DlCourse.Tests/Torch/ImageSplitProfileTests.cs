using DlCourse.Data;
using DlCourse.Torch;

namespace DlCourse.Tests.Torch;

/// <summary>Runs alone (the "Profile" collection): it sets the course-wide profile.</summary>
[Collection("Profile")]
public class ImageSplitProfileTests
{
    private static ImageSet Set()
    {
        Dataset Make(int count) => new(new float[count * 4], 4, Enumerable.Range(0, count).Select(i => i % 2).ToArray(), 2);
        return new ImageSet(Make(30), Make(12), ["a", "b"], 2, 2);
    }

    [Fact]
    public void The_sizes_are_those_of_the_current_profile()
    {
        var before = Profile.Current;
        try
        {
            Profile.Current = ProfileKind.Fast;
            var fast = ImageSplit.From(Set(), fast: (6, 2, 3), full: (20, 10, 12));
            Assert.Equal((6, 2, 3), (fast.Train.Count, fast.Validation.Count, fast.Test.Count));
            Profile.Current = ProfileKind.Full;
            var full = ImageSplit.From(Set(), fast: (6, 2, 3), full: (20, 10, 12));
            Assert.Equal((20, 10, 12), (full.Train.Count, full.Validation.Count, full.Test.Count));
            Assert.Equal(ImageSplit.From(Set(), train: 20, validation: 10, test: 12).ToString(), full.ToString());
        }
        finally { Profile.Current = before; }
    }

    [Fact]
    public void Arguments_are_checked()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => ImageSplit.From(Set(), fast: (6, 0, 3), full: (20, 10, 12)));
        Assert.Throws<ArgumentOutOfRangeException>(() => ImageSplit.From(Set(), fast: (6, 2, 3), full: (20, 10, -1))); // checked in either profile
        Assert.Throws<ArgumentNullException>(() => ImageSplit.From(null!, fast: (6, 2, 3), full: (20, 10, 12)));
        Assert.Throws<ArgumentException>(() => ImageSplit.From(Set(), fast: (25, 10, 3), full: (25, 10, 3))); // more than the 30 training images
    }
}
