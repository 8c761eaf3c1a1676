using DlCourse.Torch;

namespace DlCourse.Tests.Torch;

[Collection("Torch")]
public sealed class FineTuningComparisonTests : IDisposable
{
    private readonly string folder = Directory.CreateTempSubdirectory("dlcourse-fine-tuning-").FullName;

    public void Dispose() => Directory.Delete(folder, recursive: true);

    [Fact]
    public void Runs_checkpoint_their_best_epoch_and_compare_against_the_noise()
    {
        var comparison = new FineTuningComparison(ComparisonTestData.Split(), seed: 9, epochs: 2, batchSize: 16, folder);
        comparison.Train("from scratch", 1e-2, () => new Mlp(ImageShape.Gray28, [8], 3));
        var frozen = comparison.Train("frozen backbone", 1e-2, () => { var m = new Mlp(ImageShape.Gray28, [8], 3); m.FreezeBackbone(); return m; });
        Assert.Equal(8 * 3 + 3, frozen.Model.ParameterCount(trainableOnly: true));
        Assert.Contains(frozen.Model.ParameterCount(trainableOnly: true).ToString(), comparison.Table().Split('\n')[2]);
        foreach (var run in comparison.Runs)
            Assert.Equal(run.History.BestEpoch, Checkpoint.ReadInfo(comparison.BestCheckpoint(run)).EpochsDone);
        var (a, b) = (comparison["from scratch"], comparison["frozen backbone"]);
        var se = Math.Sqrt((a.Report.Accuracy * (1 - a.Report.Accuracy) + b.Report.Accuracy * (1 - b.Report.Accuracy)) / 24);
        var text = comparison.Compare("from scratch", "frozen backbone");
        Assert.StartsWith($"{100 * (a.Report.Accuracy - b.Report.Accuracy):+0.0;-0.0} points of test accuracy ({Math.Abs(a.Report.Accuracy - b.Report.Accuracy) / se:F1} standard errors", text);
        Assert.EndsWith($"lower for {(a.History.BestLoss < b.History.BestLoss ? a.Name : b.Name)}", text);
        Assert.Equal($"this run (task B: 48 training images, 2 epochs, 24 test images):\n  from scratch − frozen backbone: {text}\n  frozen backbone − from scratch: " +
            comparison.Compare("frozen backbone", "from scratch") + "\n", comparison.Verdicts(("from scratch", "frozen backbone"), ("frozen backbone", "from scratch")));
        Assert.Throws<ArgumentException>(() => comparison.Verdicts());
        Assert.Throws<KeyNotFoundException>(() => comparison.Verdicts(("from scratch", "fine-tuned")));
        Assert.Throws<KeyNotFoundException>(() => comparison["fine-tuned"]);
        Assert.Throws<ArgumentException>(() => comparison.Train("from scratch", 1e-2, () => new Mlp(ImageShape.Gray28, [8], 3)));
    }

    [Fact]
    public void Arguments_are_checked()
    {
        var data = ComparisonTestData.Split();
        Assert.Throws<ArgumentOutOfRangeException>(() => new FineTuningComparison(data, 1, epochs: 0, batchSize: 8, folder));
        Assert.Throws<ArgumentOutOfRangeException>(() => new FineTuningComparison(data, 1, epochs: 1, batchSize: 0, folder));
        Assert.Throws<ArgumentException>(() => new FineTuningComparison(data, 1, epochs: 1, batchSize: 8, ""));
        var comparison = new FineTuningComparison(data, 1, 1, 8, folder);
        Assert.Throws<ArgumentOutOfRangeException>(() => comparison.Train("x", 0, () => new Mlp(ImageShape.Gray28, [2], 3)));
        Assert.Throws<ArgumentException>(() => comparison.Record("demo", " "));
    }
}
