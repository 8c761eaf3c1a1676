using DlCourse.Torch;

namespace DlCourse.Tests.Torch;

[Collection("Torch")]
public class MlpSearchTests
{
    [Fact]
    public void The_grid_is_trained_in_order_and_ranked_by_validation_accuracy()
    {
        var search = new MlpSearch(ComparisonTestData.Split(), seed: 1, epochs: 1);
        Assert.Throws<InvalidOperationException>(() => search.GridBest);
        Assert.Equal(4, search.TrainGrid(depths: [0, 1], widths: [4], rates: [1e-3, 1e-2]));
        Assert.Equal([(0, 1e-3), (0, 1e-2), (1, 1e-3), (1, 1e-2)], search.Runs.Select(r => (r.Depth, r.Rate)));
        Assert.All(search.Runs, r => Assert.Equal(1, r.History.LastEpoch));
        var accuracies = search.Runs.Select(r => r.History.Best!.ValidationAccuracy).ToList();
        Assert.Equal(accuracies.Max(), search.Best.ValidationAccuracy);
        Assert.Equal(accuracies.OrderByDescending(a => a), search.Ranked.Select(r => r.ValidationAccuracy));
        var table = search.Table().Split('\n');
        Assert.Equal(1 + 4 + 1, table.Length);
        Assert.StartsWith("device: ", table[^1]);
    }

    [Fact]
    public void Activations_are_tried_at_the_grid_s_best_shape_only()
    {
        var search = new MlpSearch(ComparisonTestData.Split(), seed: 2, epochs: 1);
        search.TrainGrid([1], [3, 6], [1e-2]);
        var gridBest = search.GridBest;
        Assert.Throws<InvalidOperationException>(() => search.ActivationSummary()); // ReLU alone: nothing to compare
        Assert.Throws<ArgumentException>(() => search.TrainActivations([Activation.ReLU]));
        search.TrainActivations([Activation.Tanh]);
        var test = TestReport.Of(search.Best.Model, search.Data.TestBatches());
        Assert.Throws<InvalidOperationException>(() => search.Verdicts(test)); // no sigmoid run to set against tanh
        search.TrainActivations([Activation.Sigmoid]);
        Assert.Same(gridBest, search.GridBest);
        var sameShape = search.SameShape(gridBest);
        Assert.Equal(3, sameShape.Count);
        Assert.All(sameShape, r => Assert.Equal((gridBest.Depth, gridBest.Width, gridBest.Rate), (r.Depth, r.Width, r.Rate)));
        Assert.Equal(string.Join(", ", sameShape.Select(r => $"{r.Activation} {r.ValidationAccuracy:P1}")), search.Activations(gridBest));
        var accuracies = search.Runs.Where(r => r.Width == gridBest.Width).Select(r => r.History.Best!.ValidationAccuracy).ToList();
        Assert.Equal([$"activations at depth 1, width {gridBest.Width}, η = 1.0e-2, best first: {search.Activations(gridBest)}",
            $"spread between activations: {100 * (accuracies.Max() - accuracies.Min()):F1} points"], search.ActivationSummary().Split('\n'));
        Assert.StartsWith("this run (1 epochs, 16 validation and 24 test images):", search.Verdicts(test));
    }

    [Fact]
    public void A_record_s_verdicts_are_its_figures_against_their_noise()
    {
        var lines = MlpSearch.RecordVerdicts(ComparisonTestData.Record(
            ("data", "50000 train / 10000 validation / 10000 test images of 1×28×28, 10 classes"),
            ("search", "27 ReLU configurations and 3 more activations, 15 epochs of Adam each"),
            ("chosen", "depth 1, width 512, η = 3.0e-4, Sigmoid, 407,050 parameters"),
            ("its best epoch, validation accuracy", "15, 89.5 %"),
            ("test", "accuracy 88.40 %, macro F1 0.8840 on 10000 images"),
            ("rates of the top 8", "η = 3.0e-4: 8"),
            ("rates of the bottom 8", "η = 3.0e-3: 7, η = 1.0e-3: 1"),
            ("ReLU runs at η = 3.0e-4", "88.7 % to 89.3 % over 9 runs"),
            ("activations at the grid's best", "Sigmoid 89.5 %, GELU 89.3 %, ReLU 89.3 %, Tanh 89.2 %"))).Split('\n');
        Assert.Equal("full-profile record (15 epochs, 10000 validation and 10000 test images):", lines[0]);
        // Test 88.40 % against validation 89.5 %, each on 10 000 images.
        var se = Math.Sqrt((0.895 * 0.105 + 0.884 * 0.116) / 10_000);
        Assert.Equal($"  test − validation of the chosen network: 88.40 % − 89.5 % = -1.10 points, {1.10 / (100 * se):F1} standard errors ({100 * se:F2} points): beyond noise",
            lines.Single(l => l.StartsWith("  test − validation")));
        Assert.Contains("the rate decides the ranking (η = 3.0e-4 at the top, η = 3.0e-3 at the bottom)", lines.Single(l => l.StartsWith("  learning rate")));
        Assert.EndsWith("sigmoid − tanh +0.3 points", lines[^1]);
        Assert.StartsWith("no full-profile record to read", MlpSearch.RecordVerdicts(ComparisonTestData.Missing()));
    }

    [Fact]
    public void Arguments_are_checked()
    {
        var data = ComparisonTestData.Split();
        Assert.Throws<ArgumentOutOfRangeException>(() => new MlpSearch(data, seed: 1, epochs: 0));
        Assert.Throws<ArgumentNullException>(() => new MlpSearch(null!, epochs: 1, seed: 1));
        var search = new MlpSearch(data, seed: 1, epochs: 1);
        Assert.Throws<ArgumentException>(() => search.TrainGrid([], [4], [1e-3]));
        Assert.Throws<ArgumentOutOfRangeException>(() => search.Train(1, 0, 1e-3, Activation.ReLU));
        Assert.Throws<InvalidOperationException>(() => search.Best);
    }
}
