using DlCourse.Data;
using static TorchSharp.torch;

namespace DlCourse.Torch;

/// <summary>
/// Train, validation and test parts of an image set, with the normalisation taken from the training part, and the
/// mini-batches the trainer consumes. The validation images are the last ones of the official training part, so the
/// three parts never overlap.
/// </summary>
public sealed class ImageSplit
{
    private ImageSplit(Dataset train, Dataset validation, Dataset test, ImageShape shape, IReadOnlyList<string> classNames)
    {
        Train = train;
        Validation = validation;
        Test = test;
        Shape = shape;
        ClassNames = classNames;
        Normalization = Normalization.Fit(train.Features, shape);
    }

    public Dataset Train { get; }
    public Dataset Validation { get; }
    public Dataset Test { get; }
    public ImageShape Shape { get; }
    public IReadOnlyList<string> ClassNames { get; }
    public int ClassCount => ClassNames.Count;
    public Normalization Normalization { get; }

    /// <summary>The first <paramref name="train"/> training images, the last <paramref name="validation"/> ones, and the first <paramref name="test"/> test images.</summary>
    public static ImageSplit From(ImageSet set, int train, int validation, int test)
    {
        if (train + validation > set.Train.Count)
            throw new ArgumentException($"{train} training + {validation} validation images exceed the {set.Train.Count} available.");
        var validationRows = Enumerable.Range(set.Train.Count - validation, validation).ToArray();
        return new ImageSplit(set.Train.Take(train), set.Train.Select(validationRows), set.Test.Take(test), ImageShape.Of(set), set.ClassNames);
    }

    /// <summary>The split with the (train, validation, test) sizes of the current profile, <paramref name="fast"/> or <paramref name="full"/>, as <see cref="From(ImageSet, int, int, int)"/> takes them.</summary>
    public static ImageSplit From(ImageSet set, (int Train, int Validation, int Test) fast, (int Train, int Validation, int Test) full)
    {
        ArgumentNullException.ThrowIfNull(set);
        foreach (var (sizes, name) in new[] { (fast, nameof(fast)), (full, nameof(full)) })
            if (sizes.Train < 1 || sizes.Validation < 1 || sizes.Test < 1)
                throw new ArgumentOutOfRangeException(name, sizes, "Each part of a split needs at least one image.");
        var (train, validation, test) = Profile.Choose(fast, full);
        return From(set, train, validation, test);
    }

    /// <summary>Only the images of <paramref name="classes"/>, relabelled 0, 1, … in that order (e.g. to make a second task).</summary>
    public ImageSplit WithClasses(IReadOnlyList<int> classes)
    {
        Dataset Keep(Dataset data)
        {
            var rows = Enumerable.Range(0, data.Count).Where(i => classes.Contains(data.Labels[i])).ToArray();
            var subset = data.Select(rows);
            return subset.WithLabels(subset.Labels.Select(l => Array.IndexOf(classes.ToArray(), l)).ToArray(), classes.Count);
        }
        return new ImageSplit(Keep(Train), Keep(Validation), Keep(Test), Shape, classes.Select(c => ClassNames[c]).ToArray());
    }

    /// <summary>Only the first <paramref name="count"/> training images (validation and test unchanged), e.g. a small second task.</summary>
    public ImageSplit WithTrainCount(int count) => new(Train.Take(count), Validation, Test, Shape, ClassNames);

    /// <summary>Shuffled (and optionally augmented) training batches; the order depends only on the trainer's seed and the epoch.</summary>
    public ImageBatches TrainBatches(int batchSize = 64, Augmentation? augmentation = null, Device? device = null) =>
        new(Train, Shape, batchSize, shuffle: true, augmentation, Normalization, device);

    public ImageBatches ValidationBatches(int batchSize = 256, Device? device = null) =>
        new(Validation, Shape, batchSize, normalization: Normalization, device: device);

    public ImageBatches TestBatches(int batchSize = 256, Device? device = null) =>
        new(Test, Shape, batchSize, normalization: Normalization, device: device);

    /// <summary>What a data cell prints: the device that runs by default (<see cref="TorchDevice.Describe"/>), then this split, one line each.</summary>
    public string DescribeWithDevice() => TorchDevice.Describe() + "\n" + this;

    public override string ToString() =>
        $"{Train.Count} train / {Validation.Count} validation / {Test.Count} test images of {Shape}, {ClassCount} classes";

    /// <summary>The pattern that reads <see cref="ToString"/> back from a record with <see cref="RecordedFields"/>: fields train, validation, test, shape, classes.</summary>
    public const string DescriptionPattern = "{train} train / {validation} validation / {test} test images of {shape}, {classes} classes";
}
