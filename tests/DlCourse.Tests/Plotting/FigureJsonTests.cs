using System.Text.Json.Nodes;
using DlCourse.Data;
using DlCourse.Models;
using DlCourse.Optimization;
using DlCourse.Plotting;
using Plotly.NET;

namespace DlCourse.Tests.Plotting;

/// <summary>The kit's figure JSON is the very document Plotly.NET's own (slower) serializer writes, for every chart the library makes.</summary>
public class FigureJsonTests
{
    public static TheoryData<string> ChartNames => new(AllCharts().Keys);

    private static Dictionary<string, Func<GenericChart>> AllCharts()
    {
        var data = Synthetic.TwoGaussians(30, seed: 1);
        var (train, validation) = data.Split(0.3, seed: 2);
        var history = Trainer.Fit(new LogisticRegression(2), new GradientDescent(0.5), train, validation, new TrainingOptions { Epochs = 5 }, "η = 0.5");
        var range = new AxisRange(-2, 2);
        return new()
        {
            ["lines (log y)"] = () => Charts.Lines("losses", "epoch", "loss", [new Series("a", [1, 2, 3], [1.0, 0.1, 0.01])], logY: true),
            ["loss curves"] = () => Charts.LossCurves(history),
            ["accuracy curves"] = () => Charts.AccuracyCurves(history),
            ["gradient magnitudes"] = () => Charts.GradientMagnitudes([new Series("chain", [1.0, 2, 3], [1e-1, 1e-9, 1e-17])]),
            ["metric against"] = () => Charts.MetricAgainst("accuracy", "λ", "accuracy", [0.01, 0.1, 1], [0.8, 0.85, 0.7], logX: true),
            ["confusion matrix"] = () => Charts.ConfusionMatrix(new[,] { { 5, 1 }, { 2, 7 } }, ["cat", "dog"]),
            ["image grid"] = () => Charts.ImageGrid([new float[16], Enumerable.Range(0, 16).Select(i => (float)i).ToArray()], 4, 4, ["zero", "ramp"], "images"),
            ["surface with points"] = () => Charts.Surface((a, b) => 1 / (1 + Math.Exp(-a - b)), range, range, "p(y=1)", points: data, resolution: 20),
            ["decision regions"] = () => Charts.DecisionRegions((a, b) => a > b ? 1 : 0, range, range, 2, "regions", points: data, resolution: 20),
            ["parameter paths"] = () => Charts.ParameterPaths((a, b) => a * a + 3 * b * b, range, range,
                [("gd", new[] { new[] { 1.5, 1.5 }, new[] { 0.5, 0.2 }, new[] { 0.1, 0.0 } })], "paths", resolution: 20),
        };
    }

    [Theory]
    [MemberData(nameof(ChartNames))]
    public void Is_the_same_document_as_Plotly_NETs_serializer(string name)
    {
        var chart = AllCharts()[name]();
        var ours = JsonNode.Parse(FigureJson.Of(chart));
        var theirs = JsonNode.Parse(GenericChart.toFigureJson(chart));
        Assert.True(JsonNode.DeepEquals(theirs, ours), $"{name}: figure JSON differs from GenericChart.toFigureJson");
        Assert.NotEmpty(ours!["data"]!.AsArray());
    }

    [Fact]
    public void A_series_of_values_alone_is_drawn_against_its_index()
    {
        var series = new Series("loss", [0.5, 0.25, 0.125]);
        Assert.Equal([0.0, 1, 2], series.X);
        Assert.Equal([0.5, 0.25, 0.125], series.Y);
    }

    [Fact]
    public void Parameter_paths_of_recorded_runs_draw_the_chosen_parameters_of_each_snapshot()
    {
        var data = Synthetic.TwoGaussians(20, seed: 4);
        var run = Trainer.Fit(new LogisticRegression(2), new GradientDescent(0.5), data,
            options: new TrainingOptions { Epochs = 6, RecordTrajectory = true }, name: "gd");
        var chart = Charts.ParameterPaths((a, b) => a * a + b * b, new AxisRange(-1, 1), new AxisRange(-1, 1), [run], "paths",
            axes: (0, 2), steps: 4, resolution: 10);
        var line = JsonNode.Parse(FigureJson.Of(chart))!["data"]![1]!;
        Assert.Equal("gd", (string?)line["name"]);
        Assert.Equal(run.Trajectory.Take(4).Select(p => (double)p[0]), line["x"]!.AsArray().Select(v => (double)v!));
        Assert.Equal(run.Trajectory.Take(4).Select(p => (double)p[2]), line["y"]!.AsArray().Select(v => (double)v!));

        var unrecorded = Trainer.Fit(new LogisticRegression(2), new GradientDescent(0.5), data, options: new TrainingOptions { Epochs = 2 }, name: "plain");
        Assert.Contains("RecordTrajectory", Assert.Throws<ArgumentException>(() =>
            Charts.ParameterPaths((a, b) => 0, new AxisRange(-1, 1), new AxisRange(-1, 1), [unrecorded], "paths")).Message);
        Assert.Throws<ArgumentOutOfRangeException>(() =>
            Charts.ParameterPaths((a, b) => 0, new AxisRange(-1, 1), new AxisRange(-1, 1), [run], "paths", axes: (0, 3)));
    }

    [Fact]
    public void Non_finite_values_become_gaps_and_the_document_stays_JSON()
    {
        var json = FigureJson.Of(Charts.Lines("gaps", "x", "y", [new Series("s", [1, 2, 3], [1.0, double.NaN, double.PositiveInfinity])]));
        var y = JsonNode.Parse(json)!["data"]![0]!["y"]!.AsArray();
        Assert.Equal([1.0, null, null], y.Select(v => (double?)v));
    }
}
