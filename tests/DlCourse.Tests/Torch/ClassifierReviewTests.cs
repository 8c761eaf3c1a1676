using DlCourse.Optimization;
using DlCourse.Torch;

namespace DlCourse.Tests.Torch;

public class ClassifierReviewTests
{
    private static readonly string[] Names = ["cat", "dog", "fox", "owl"];

    // Truth and predictions of 10 images: cat↔dog confused three times, one owl taken for a fox.
    private static TestReport Report() => TestReport.From(
        predicted: [0, 1, 1, 0, 0, 2, 2, 2, 3, 3],
        truth:     [0, 0, 1, 1, 1, 2, 2, 3, 3, 3], classCount: 4);

    private static TrainingHistory History(params double[] validationLosses)
    {
        var history = new TrainingHistory();
        for (var t = 0; t < validationLosses.Length; t++)
            history.Add(t, trainLoss: 1.0 / (t + 1), trainAccuracy: 0.5 + 0.1 * t, validationLoss: validationLosses[t], validationAccuracy: 0.5 + 0.08 * t);
        return history;
    }

    [Fact]
    public void Per_class_F1_is_read_off_the_confusion_matrix()
    {
        var review = new ClassifierReview(History(2, 1), Report(), Names);
        // cat: TP 1, FP 2, FN 1 → P 1/3, R 1/2, F1 0.4; dog: TP 1, FP 1, FN 2 → 0.4; fox: TP 2, FP 1, FN 0 → 0.8; owl: TP 2, FP 0, FN 1 → 0.8.
        Assert.Equal([0.4, 0.4, 0.8, 0.8], review.F1.Select(f => Math.Round(f, 12)));
        Assert.Equal(Report().MacroF1, review.F1.Average(), 12);
    }

    [Fact]
    public void Errors_within_a_group_and_the_most_frequent_error_are_counted()
    {
        var review = new ClassifierReview(History(2, 1), Report(), Names);
        Assert.Equal("3 of 4 test errors (75 %) take one of cat, dog for another; most frequent error: dog taken for cat (2 times)",
            review.Confusions(["cat", "dog"]));
        Assert.Throws<ArgumentException>(() => review.Confusions(["cat", "wolf"]));
        Assert.Equal("accuracy 60.00 %, macro F1 0.6000 (difference +0.0000); pets 0.40 to 0.40, wild 0.80 to 0.80",
            review.Scores(("pets", ["cat", "dog"]), ("wild", ["fox", "owl"])));
    }

    [Fact]
    public void Over_fitting_is_a_validation_loss_that_rose_after_its_lowest()
    {
        var rising = new ClassifierReview(History(2.0, 0.9, 0.7, 0.8, 0.75), Report(), Names);
        Assert.StartsWith("yes: lowest validation loss at epoch 2 of 4 (0.700), then up to 0.800 (0.750 at the last epoch)", rising.OverFitting());
        var falling = new ClassifierReview(History(2.0, 0.9, 0.7), Report(), Names);
        Assert.StartsWith("not yet: lowest validation loss at the last epoch (2 of 2, 0.700)", falling.OverFitting());
    }

    [Fact]
    public void A_gap_that_rounds_to_zero_has_a_plus_sign()
    {
        EpochResult Epoch(double train, double validation) => new(1, 0.5, train, 0.5, validation, double.NaN, 0, false);
        Assert.Equal("+0.0", ClassifierReview.Gap(Epoch(0.8, 0.80004)));
        Assert.Equal("-2.0", ClassifierReview.Gap(Epoch(0.80, 0.82)));
        Assert.Equal("+2.0", ClassifierReview.Gap(Epoch(0.82, 0.80)));
    }

    [Fact]
    public void The_gap_is_listed_for_every_trained_epoch()
    {
        // Epochs 1 and 2 of History: train 60 % and 70 %, validation 58 % and 66 %.
        Assert.Equal("epoch 1: train 60.0 %, validation 58.0 %, gap +2.0 points\nepoch 2: train 70.0 %, validation 66.0 %, gap +4.0 points",
            ClassifierReview.GapPerEpoch(History(2, 1, 0.5)));
        var noValidation = new TrainingHistory();
        noValidation.Add(0, 1.0);
        Assert.Throws<ArgumentException>(() => ClassifierReview.GapPerEpoch(noValidation));
        var noTrainAccuracy = History(2, 1);
        noTrainAccuracy.Add(2, trainLoss: 0.3, validationLoss: 0.9, validationAccuracy: 0.7); // accuracy not measured while training
        Assert.Throws<ArgumentException>(() => ClassifierReview.GapPerEpoch(noTrainAccuracy));
        Assert.Throws<ArgumentNullException>(() => ClassifierReview.GapPerEpoch(null!));
    }

    [Fact]
    public void Arguments_are_checked()
    {
        Assert.Throws<ArgumentException>(() => new ClassifierReview(History(2, 1), Report(), ["cat", "dog"]));
        var noValidation = new TrainingHistory();
        noValidation.Add(0, 1.0);
        Assert.Throws<ArgumentException>(() => new ClassifierReview(noValidation, Report(), Names));
        var review = new ClassifierReview(History(2, 1), Report(), Names);
        Assert.Throws<ArgumentException>(() => review.Record("demo", ComparisonTestData.Split(4), "", "scores"));
    }
}
