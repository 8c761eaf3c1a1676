using DlCourse.Data;

namespace DlCourse.Tests.Data;

public class TrainValidationTestTests
{
    /// <summary>A set whose every image (2 pixels) holds its own index, so that rows can be traced; labels cycle 0, 1, 2.</summary>
    private static ImageSet Indexed(int trainCount, int testCount)
    {
        Dataset Make(int count, int offset) => new(
            Enumerable.Range(0, count).SelectMany(i => Enumerable.Repeat((float)(offset + i), 2)).ToArray(), 2,
            Enumerable.Range(0, count).Select(i => i % 3).ToArray(), 3);
        return new ImageSet(Make(trainCount, 0), Make(testCount, 1000), ["a", "b", "c"], 1, 2);
    }

    private static int[] Indices(Dataset data) => Enumerable.Range(0, data.Count).Select(i => (int)data[i, 0]).ToArray();

    [Fact]
    public void The_full_profile_partitions_the_training_part_and_keeps_the_test_part()
    {
        var parts = TrainValidationTest.Of(Indexed(40, 7), 0.25, seed: 3, fastTrain: 5, fastValidation: 2, ProfileKind.Full);
        Assert.Equal(30, parts.Train.Count);
        Assert.Equal(10, parts.Validation.Count);   // 25 % of 40
        Assert.Equal(Enumerable.Range(0, 40), Indices(parts.Train).Concat(Indices(parts.Validation)).Order());
        Assert.Equal(Enumerable.Range(1000, 7), Indices(parts.Test));
        // The same rows as Dataset.Split with that seed, and a reproducible split.
        var (train, validation) = Indexed(40, 7).Train.Split(0.25, seed: 3);
        Assert.Equal(Indices(train), Indices(parts.Train));
        Assert.Equal(Indices(validation), Indices(parts.Validation));
        Assert.NotEqual(Indices(parts.Train), Indices(TrainValidationTest.Of(Indexed(40, 7), 0.25, 4, 5, 2, ProfileKind.Full).Train));
    }

    [Fact]
    public void The_fast_profile_keeps_the_first_examples_of_each_part()
    {
        var full = TrainValidationTest.Of(Indexed(40, 7), 0.25, seed: 3, fastTrain: 5, fastValidation: 2, ProfileKind.Full);
        var fast = TrainValidationTest.Of(Indexed(40, 7), 0.25, seed: 3, fastTrain: 5, fastValidation: 2, ProfileKind.Fast);
        Assert.Equal(Indices(full.Train)[..5], Indices(fast.Train));
        Assert.Equal(Indices(full.Validation)[..2], Indices(fast.Validation));
        Assert.Equal(full.Train.Labels[..5], fast.Train.Labels);
        Assert.Equal(Enumerable.Range(1000, 7), Indices(fast.Test));   // the test part is never cut
        // Asking for more than a part holds keeps the part whole.
        var large = TrainValidationTest.Of(Indexed(40, 7), 0.25, seed: 3, fastTrain: 100, fastValidation: 100, ProfileKind.Fast);
        Assert.Equal((30, 10), (large.Train.Count, large.Validation.Count));
        var (trainPart, validationPart, testPart) = large;
        Assert.Equal((30, 10, 7), (trainPart.Count, validationPart.Count, testPart.Count));
    }

    [Fact]
    public void The_profile_less_call_follows_the_current_profile()
    {
        var parts = TrainValidationTest.Of(Indexed(40, 7), 0.25, seed: 3, fastTrain: 5, fastValidation: 2);
        var expected = TrainValidationTest.Of(Indexed(40, 7), 0.25, seed: 3, fastTrain: 5, fastValidation: 2, Profile.Current);
        Assert.Equal(Indices(expected.Train), Indices(parts.Train));
        Assert.Equal(Indices(expected.Validation), Indices(parts.Validation));
    }

    [Fact]
    public void Arguments_are_validated()
    {
        var set = Indexed(40, 7);
        Assert.Throws<ArgumentNullException>(() => TrainValidationTest.Of(null!, 0.25, 3, 5, 2, ProfileKind.Fast));
        Assert.Throws<ArgumentOutOfRangeException>(() => TrainValidationTest.Of(set, 0, 3, 5, 2, ProfileKind.Fast));
        Assert.Throws<ArgumentOutOfRangeException>(() => TrainValidationTest.Of(set, 1.5, 3, 5, 2, ProfileKind.Fast));
        Assert.Throws<ArgumentOutOfRangeException>(() => TrainValidationTest.Of(set, double.NaN, 3, 5, 2, ProfileKind.Fast));
        Assert.Throws<ArgumentOutOfRangeException>(() => TrainValidationTest.Of(set, 0.25, 3, 0, 2, ProfileKind.Fast));
        Assert.Throws<ArgumentOutOfRangeException>(() => TrainValidationTest.Of(set, 0.25, 3, 5, -1, ProfileKind.Full));
    }

    [Fact]
    public void Binary_keeps_two_classes_in_both_parts_relabelled_zero_and_one()
    {
        var pair = Indexed(12, 6).Binary(negative: 2, positive: 0);
        Assert.Equal([0, 2, 3, 5, 6, 8, 9, 11], Indices(pair.Train));   // labels 0 and 2 (i % 3)
        Assert.Equal([1, 0, 1, 0, 1, 0, 1, 0], pair.Train.Labels);      // class 0 is positive, class 2 negative
        Assert.Equal([1000, 1002, 1003, 1005], Indices(pair.Test));
        Assert.Equal(["c", "a"], pair.ClassNames);
        Assert.Equal((2, 2, 1, 2), (pair.Train.ClassCount, pair.Test.ClassCount, pair.Height, pair.Width));
        Assert.Throws<ArgumentOutOfRangeException>(() => Indexed(12, 6).Binary(negative: 3, positive: 0));
        Assert.Throws<ArgumentOutOfRangeException>(() => Indexed(12, 6).Binary(negative: 0, positive: -1));
        Assert.Throws<ArgumentException>(() => Indexed(12, 6).Binary(negative: 1, positive: 1));
    }
}
