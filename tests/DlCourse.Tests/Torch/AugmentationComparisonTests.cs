using DlCourse.Optimization;
using DlCourse.Torch;

namespace DlCourse.Tests.Torch;

[Collection("Torch")]
public class AugmentationComparisonTests
{
    [Fact]
    public void Both_runs_start_alike_and_only_the_augmented_one_sees_shifted_images()
    {
        var data = ComparisonTestData.Split();
        var comparison = new AugmentationComparison(data, Augmentation.CropAndFlip, seed: 4, epochs: 1,
            create: () => new Mlp(ImageShape.Gray28, [6], 3), schedule: LearningRateSchedules.Cosine(1e-2, 1));
        comparison.Train();
        Assert.Equal([AugmentationComparison.Plain, AugmentationComparison.Augmented], comparison.Runs.Select(r => r.Name));
        var (plain, augmented) = (comparison[AugmentationComparison.Plain], comparison[AugmentationComparison.Augmented]);
        Assert.Equal(plain.History.Epochs[0].ValidationLoss, augmented.History.Epochs[0].ValidationLoss); // the same initial weights
        Assert.NotEqual(plain.History.Epochs[1].TrainLoss, augmented.History.Epochs[1].TrainLoss);
        Assert.Equal(3, comparison.Table().Split('\n').Length);
        Assert.Throws<InvalidOperationException>(() => comparison.Train());
        var verdicts = comparison.Verdicts("this run:").Split('\n');
        Assert.StartsWith("  with augmentation   : train", verdicts[2]);
    }

    [Fact]
    public void A_record_s_verdicts_weigh_the_difference_and_the_cost()
    {
        var benchmark = (0.949, "a benchmark");
        var lines = AugmentationComparison.RecordVerdicts(ComparisonTestData.Record(
            ("data", "45000 train / 5000 validation / 10000 test images of 1×28×28, 10 classes"),
            ("network", "ResNet-18 at width 16, 701,178 parameters, 10 epochs of Adam, cosine from 2e-3 to 1e-4"),
            (AugmentationComparison.Plain, "last epoch train 99.8 % (loss 0.010), validation 93.1 %; clean train 97.1 %; lowest validation loss at epoch 6 of 10; test 92.0 %, macro F1 0.919; 106 s per epoch"),
            (AugmentationComparison.Augmented, "last epoch train 93.7 % (loss 0.171), validation 93.4 %; clean train 94.6 %; lowest validation loss at epoch 10 of 10; test 92.8 %, macro F1 0.927; 105 s per epoch"),
            ("augmented − plain", "+0.7 points of test accuracy, +0.008 macro F1")), benchmark).Split('\n');
        Assert.Equal("full-profile record (width 16, 10 epochs, 45000 training images):", lines[0]);
        // Test 92.0 % and 92.8 % on the same 10 000 images; the record's own difference is +0.7 points.
        var se = Math.Sqrt((0.920 * 0.080 + 0.928 * 0.072) / 10_000);
        Assert.StartsWith($"  augmented − plain: test +0.7 points ({0.007 / se:F1} standard errors of the difference, {100 * se:F1} points)", lines[3]);
        Assert.EndsWith("no clear difference on the test set", lines[3]);
        Assert.Equal("  augmentation's cost: -1 s per epoch (106 → 105 s)", lines[4]);
        Assert.Equal("  against a benchmark: -2.1 points", lines[5]);
        Assert.Throws<ArgumentOutOfRangeException>(() => AugmentationComparison.RecordVerdicts(ComparisonTestData.Missing(), (94.9, "percent, not a fraction")));
    }

    [Fact]
    public void Arguments_are_checked()
    {
        var data = ComparisonTestData.Split();
        var schedule = LearningRateSchedules.Cosine(1e-2, 1);
        Assert.Throws<ArgumentException>(() => new AugmentationComparison(data, Augmentation.None, 1, 1, () => new Mlp(ImageShape.Gray28, [2], 3), schedule));
        Assert.Throws<ArgumentOutOfRangeException>(() => new AugmentationComparison(data, Augmentation.CropAndFlip, 1, 0, () => new Mlp(ImageShape.Gray28, [2], 3), schedule));
        var comparison = new AugmentationComparison(data, Augmentation.CropAndFlip, 1, 1, () => new Mlp(ImageShape.Gray28, [2], 3), schedule);
        Assert.Throws<KeyNotFoundException>(() => comparison.Verdicts("before training"));
    }
}
