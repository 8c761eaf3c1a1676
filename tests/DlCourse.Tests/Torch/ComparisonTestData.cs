using DlCourse.Data;
using DlCourse.Torch;

namespace DlCourse.Tests.Torch;

/// <summary>Small learnable splits for the comparison and search classes, and the course's own full-profile records.</summary>
internal static class ComparisonTestData
{
    /// <summary>Bright-patch images (see <see cref="TorchTestData.Patches"/>) of 1×28×28 in <paramref name="classes"/> classes: 48 train, 16 validation, 24 test.</summary>
    public static ImageSplit Split(int classes = 3, int seed = 5)
    {
        var shape = ImageShape.Gray28;
        Dataset Make(int count, int offset)
        {
            var (images, labels) = TorchTestData.Patches(count, shape, classes, seed + offset);
            return new Dataset(images, shape.Size, labels, classes);
        }
        return ImageSplit.From(new ImageSet(Make(64, 0), Make(24, 1), Enumerable.Range(0, classes).Select(k => $"class {k}").ToArray(), 28, 28),
            train: 48, validation: 16, test: 24);
    }

    /// <summary>A record the course's full-profile run wrote beside the notebooks of deep networks.</summary>
    public static RecordedResults CourseRecord(string name) =>
        new(name, Path.Combine(Support.Repository.Notebooks, "a4-deep-networks", RecordedResults.FolderName));

    public static RecordedResults Missing() => new("none-here", Support.Repository.TempFolder("no-record"));
}
