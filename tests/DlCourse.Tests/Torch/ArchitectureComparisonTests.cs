using DlCourse.Optimization;
using DlCourse.Plotting;
using DlCourse.Torch;

namespace DlCourse.Tests.Torch;

[Collection("Torch")]
public class ArchitectureComparisonTests
{
    private static ArchitectureComparison Comparison() =>
        new(ComparisonTestData.Split(), seed: 6, rate: 1e-2, new TrainingOptions { Epochs = 1, Device = "cpu" });

    [Fact]
    public void Every_network_is_trained_from_the_same_seed_and_tabled()
    {
        var comparison = Comparison();
        var first = comparison.Train("small", () => new Mlp(ImageShape.Gray28, [4], 3));
        var again = comparison.Train("small again", () => new Mlp(ImageShape.Gray28, [4], 3));
        comparison.Train("large", () => new Mlp(ImageShape.Gray28, [16], 3));
        // The same seed and data order: the same network trains to the same losses.
        Assert.Equal(first.History.ValidationLoss, again.History.ValidationLoss);
        Assert.Equal([784 * 4 + 4 + 4 * 3 + 3, 784 * 4 + 4 + 4 * 3 + 3, 784 * 16 + 16 + 16 * 3 + 3], comparison.Runs.Select(r => r.Parameters));
        var table = comparison.Table().Split('\n');
        Assert.Equal(5, table.Length);
        Assert.EndsWith("stop reasons: Completed, Completed, Completed", table[^1]);
        var verdicts = comparison.Verdicts("this run:").Split('\n');
        Assert.Contains("  by parameters:        large > small > small again", verdicts);
        Assert.Equal("  first and last epoch's seconds: " + string.Join(", ", comparison.Runs.Select(r => $"{r.Name} {r.History.Epochs[1].Seconds:F1} and {r.History.Epochs[1].Seconds:F1}")),
            verdicts[^1]); // one epoch: the first is the last
        Assert.Throws<ArgumentException>(() => comparison.Train("large", () => new Mlp(ImageShape.Gray28, [2], 3)));
    }

    [Fact]
    public void The_size_chart_draws_the_networks_from_smallest_to_largest()
    {
        var comparison = Comparison();
        Assert.Throws<InvalidOperationException>(() => comparison.AccuracyAgainstSize());
        var large = comparison.Train("large", () => new Mlp(ImageShape.Gray28, [16], 3));
        var small = comparison.Train("small", () => new Mlp(ImageShape.Gray28, [4], 3));
        var expected = Charts.MetricAgainst("test accuracy against size (small, large)", "parameters", "test accuracy",
            [784 * 4 + 4 + 4 * 3 + 3, 784 * 16 + 16 + 16 * 3 + 3], [small.Report.Accuracy, large.Report.Accuracy], logX: true);
        Assert.Equal(ChartDisplay.FigureJson(expected), ChartDisplay.FigureJson(comparison.AccuracyAgainstSize()));
    }

    [Fact]
    public void A_record_s_verdicts_rank_size_against_accuracy_and_time()
    {
        var lines = ArchitectureComparison.RecordVerdicts(ComparisonTestData.Record(
            ("data", "45000 train / 5000 validation / 10000 test images of 1×28×28, 10 classes"),
            ("LeNet-5", "61,706 parameters, 10 epochs (Completed), 5.0 s per epoch; last training accuracy 91.8 %, lowest validation loss at epoch 9; test 88.9 %, macro F1 0.890"),
            ("AlexNet", "423,994 parameters, 10 epochs (Completed), 48.7 s per epoch; last training accuracy 92.8 %, lowest validation loss at epoch 10; test 91.2 %, macro F1 0.911"),
            ("VGG (w = 16)", "578,810 parameters, 10 epochs (Completed), 33.6 s per epoch; last training accuracy 95.3 %, lowest validation loss at epoch 7; test 91.0 %, macro F1 0.910"),
            ("ResNet-18 (w = 16)", "701,178 parameters, 10 epochs (Completed), 108.4 s per epoch; last training accuracy 97.2 %, lowest validation loss at epoch 6; test 92.0 %, macro F1 0.919"),
            ("by test accuracy", "ResNet-18 (w = 16) > AlexNet > VGG (w = 16) > LeNet-5"))).Split('\n');
        Assert.Equal("full-profile record (10 epochs on 45000 images):", lines[0]);
        // Ranks by size 1 2 3 4 (LeNet-5, AlexNet, VGG, ResNet-18); by test accuracy 1 3 2 4: Σd² = 2, ρ = 1 − 6·2/(4·15) = 0.8.
        Assert.Equal("  rank correlation of size with test accuracy +0.8: the larger networks did better", lines[^2]);
        var se = Math.Sqrt(0.9078 * (1 - 0.9078) / 10_000); // at the mean of 88.9, 91.2, 91.0 and 92.0 %
        Assert.EndsWith($"(best − worst 3.1 points; one accuracy's standard error {100 * se:F1})", lines.Single(l => l.StartsWith("  by test accuracy")));
        Assert.StartsWith("no full-profile record to read", ArchitectureComparison.RecordVerdicts(ComparisonTestData.Missing()));
    }

    [Fact]
    public void Arguments_are_checked()
    {
        var data = ComparisonTestData.Split();
        Assert.Throws<ArgumentOutOfRangeException>(() => new ArchitectureComparison(data, 1, rate: 0, new TrainingOptions()));
        Assert.Throws<ArgumentNullException>(() => new ArchitectureComparison(data, 1, 1e-3, null!));
        Assert.Throws<ArgumentException>(() => Comparison().Train(" ", () => new Mlp(ImageShape.Gray28, [2], 3)));
    }
}
