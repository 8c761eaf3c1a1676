using DlCourse.Optimization;
using DlCourse.Data;
using DlCourse.Torch;

namespace DlCourse.Tests.Torch;

[Collection("Torch")]
public class ImageSplitTests
{
    /// <summary>A set whose every image is filled with its own index, so that rows can be traced.</summary>
    private static ImageSet Indexed(int trainCount, int testCount)
    {
        Dataset Make(int count, int offset) => new(
            Enumerable.Range(0, count).SelectMany(i => Enumerable.Repeat((float)(offset + i), 2 * 4 * 4)).ToArray(), 2 * 4 * 4,
            Enumerable.Range(0, count).Select(i => i % 4).ToArray(), 4);
        return new ImageSet(Make(trainCount, 0), Make(testCount, 1000), ["a", "b", "c", "d"], 4, 4);
    }

    [Fact]
    public void Parts_are_disjoint_and_channels_follow_from_the_row_length()
    {
        var split = ImageSplit.From(Indexed(20, 10), train: 12, validation: 5, test: 6);
        Assert.Equal(new ImageShape(2, 4, 4), split.Shape);
        Assert.Equal(Enumerable.Range(0, 12), Enumerable.Range(0, 12).Select(i => (int)split.Train[i, 0]));
        Assert.Equal(Enumerable.Range(15, 5), Enumerable.Range(0, 5).Select(i => (int)split.Validation[i, 0]));
        Assert.Equal(Enumerable.Range(1000, 6), Enumerable.Range(0, 6).Select(i => (int)split.Test[i, 0]));
        Assert.Throws<ArgumentException>(() => ImageSplit.From(Indexed(20, 10), train: 16, validation: 5, test: 1));
    }

    [Fact]
    public void The_description_reads_back_by_its_pattern()
    {
        var fields = RecordedFields.Read(ImageSplit.From(Indexed(20, 10), train: 12, validation: 5, test: 6).ToString(), ImageSplit.DescriptionPattern);
        Assert.Equal((12, 5, 6, 4), (fields.Integer("train"), fields.Integer("validation"), fields.Integer("test"), fields.Integer("classes")));
        Assert.Equal("2×4×4", fields.Text("shape"));
    }

    [Fact]
    public void DescribeWithDevice_is_the_device_line_then_the_split_line()
    {
        var split = ImageSplit.From(Indexed(20, 10), train: 12, validation: 5, test: 6);
        var lines = split.DescribeWithDevice().Split('\n');
        Assert.Equal(2, lines.Length);
        Assert.Equal(TorchDevice.Describe(TorchDevice.Best), lines[0]);
        Assert.Equal("12 train / 5 validation / 6 test images of 2×4×4, 4 classes", lines[1]);
    }

    [Fact]
    public void WithClasses_keeps_those_classes_and_numbers_them_in_the_given_order()
    {
        var split = ImageSplit.From(Indexed(40, 12), train: 30, validation: 10, test: 12).WithClasses(new[] { 3, 1 });
        Assert.Equal(new[] { "d", "b" }, split.ClassNames);
        Assert.All(Enumerable.Range(0, split.Train.Count), i => Assert.Equal((int)split.Train[i, 0] % 4 == 3 ? 0 : 1, split.Train.Labels[i]));
        Assert.Equal(15, split.Train.Count);
        Assert.Equal(6, split.Test.Count);
        Assert.Equal(7, split.WithTrainCount(7).Train.Count);
    }

    [Fact]
    public void A_history_gives_the_series_its_best_epoch_and_where_it_stopped()
    {
        var history = new TrainingHistory { StopReason = StopReason.EarlyStopping };
        history.Epochs.Add(new EpochResult(1, 1.0, 0.5, 1.1, 0.4, 1e-3, 2, true));
        history.Epochs.Add(new EpochResult(2, 0.8, 0.6, 1.2, 0.45, 1e-3, 2, false));
        Assert.Equal(new[] { 1.0, 2.0 }, history.EpochNumbers);
        Assert.Equal(new[] { 1.1, 1.2 }, history.ValidationLoss);
        Assert.Equal(new[] { 0.5, 0.6 }, history.TrainAccuracy);
        Assert.Equal(2, history.StoppedEpoch);
        Assert.Equal(1, history.BestEpoch);
    }
}
