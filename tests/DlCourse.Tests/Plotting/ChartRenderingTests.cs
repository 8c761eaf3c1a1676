using System.Text.Json.Nodes;
using DlCourse.Data;
using DlCourse.Models;
using DlCourse.Optimization;
using DlCourse.Plotting;
using DlCourse.Tests.Support;
using Plotly.NET;

namespace DlCourse.Tests.Plotting;

/// <summary>Chart helpers produce Plotly figures that a real browser draws offline (no CDN).</summary>
public sealed class ChartRenderingTests : IDisposable
{
    private readonly string folder = Directory.CreateTempSubdirectory("dlcourse-render-").FullName;

    // DLCOURSE_KEEP_RENDERS=1 keeps the pages and screenshots for a look by eye.
    public void Dispose()
    {
        if (Environment.GetEnvironmentVariable("DLCOURSE_KEEP_RENDERS") != "1") Directory.Delete(folder, recursive: true);
    }

    private static TrainingHistory History()
    {
        var data = Synthetic.TwoGaussians(30, seed: 1);
        var (train, validation) = data.Split(0.3, seed: 2);
        return Trainer.Fit(new LogisticRegression(2), new GradientDescent(0.5), train, validation, new TrainingOptions { Epochs = 15 }, "η = 0.5");
    }

    /// <summary>An executed notebook as the runner writes it: a code cell whose display data holds the figure JSON.</summary>
    private static string ExecutedNotebook(GenericChart chart)
    {
        var output = new JsonObject
        {
            ["output_type"] = "display_data",
            ["metadata"] = new JsonObject(),
            ["data"] = new JsonObject
            {
                [ChartDisplay.PlotlyMimeType] = JsonNode.Parse(ChartDisplay.FigureJson(chart)),
                ["text/plain"] = "Chart",
            },
        };
        var cell = new JsonObject { ["cell_type"] = "code", ["source"] = "Charts.LossCurves(h)", ["outputs"] = new JsonArray(output) };
        return new JsonObject { ["cells"] = new JsonArray(cell), ["nbformat"] = 4, ["nbformat_minor"] = 5 }.ToJsonString();
    }

    [Fact]
    public void PlotlyJsComesFromPlotlyNetNotTheNetwork()
    {
        Assert.Contains("plotly.js v2.28.0", ChartRendering.PlotlyJs[..2000]);
        Assert.DoesNotContain("cdn.plot.ly", ChartRendering.Page("{\"data\":[],\"layout\":{}}")[^400..]);
    }

    [Fact]
    public void NotebookChartOutputRendersAndIsNotBlank()
    {
        var figures = ChartRendering.FiguresIn(ExecutedNotebook(Charts.LossCurves(History())));
        var figure = Assert.Single(figures);

        var drawn = ChartRendering.Render(figure, Path.Combine(folder, "curves"));
        var empty = ChartRendering.Render("{\"data\":[],\"layout\":{\"xaxis\":{\"visible\":false},\"yaxis\":{\"visible\":false}}}", Path.Combine(folder, "empty"));

        Assert.Equal((800, 600), (drawn.Width, drawn.Height));
        Assert.True(empty.CountNonWhite() < 200, $"an empty figure should be white, {empty.CountNonWhite()} non-white pixels");
        Assert.True(drawn.CountNonWhite() > 5_000, $"the loss curves drew only {drawn.CountNonWhite()} non-white pixels");
    }

    [Fact]
    public void ConfusionMatrixCellsAreColouredOnCategoryAxes()
    {
        // A linear y axis once left the heatmap undrawn (only its numbers showed): the cells must cover the plot area.
        var chart = Charts.ConfusionMatrix(new[,] { { 50, 3, 1 }, { 4, 40, 9 }, { 0, 7, 60 } }, ["cat", "dog", "bird"]);
        var picture = ChartRendering.Render(ChartDisplay.FigureJson(chart), Path.Combine(folder, "confusion-cells"));
        int green = 0;
        for (int i = 0; i < picture.Rgb.Length; i += 3)
            if (picture.Rgb[i + 1] > picture.Rgb[i] + 20 && picture.Rgb[i + 1] >= picture.Rgb[i + 2]) green++;
        Assert.True(green > 800 * 600 / 10, $"only {green} green pixels: the cells were not drawn");
        Assert.DoesNotContain("\"type\":\"linear\"", ChartDisplay.FigureJson(chart));
    }

    [Fact]
    public void LogAxesShowPowersOfTen()
    {
        var json = ChartDisplay.FigureJson(Charts.GradientMagnitudes([new Series("chain", [1.0, 2, 3], [1e-1, 1e-9, 1e-17])]));
        Assert.Contains("\"type\":\"log\"", json);
        Assert.Contains("\"exponentformat\":\"power\"", json);
        Assert.DoesNotContain("exponentformat", ChartDisplay.FigureJson(Charts.Lines("linear", "x", "y", [new Series("s", [1.0, 2], [3.0, 4])])));
    }

    public static TheoryData<string> ChartNames => new()
    {
        "accuracy", "runs", "surface", "regions", "paths", "weights", "metric", "confusion", "gradients",
    };

    [Theory]
    [MemberData(nameof(ChartNames))]
    public void EveryHelperDrawsSomething(string name)
    {
        var three = Synthetic.ThreeGaussians(20, seed: 1);
        var softmax = new SoftmaxRegression(2, 3);
        Trainer.Fit(softmax, new GradientDescent(0.5), three, options: new TrainingOptions { Epochs = 30 });
        var x = new AxisRange(-4, 4);
        GenericChart chart = name switch
        {
            "accuracy" => Charts.AccuracyCurves(History()),
            "runs" => Charts.CompareRuns([History(), History()], Metric.ValidationLoss),
            "surface" => Charts.Surface((a, b) => softmax.Probabilities([a, b])[0], x, x, "p(class 0 | x)", three),
            "regions" => Charts.DecisionRegions((a, b) => softmax.Predict([a, b]), x, x, 3, "regions", three),
            "paths" => Charts.ParameterPaths((a, b) => a * a + 10 * b * b, new AxisRange(-2, 2), new AxisRange(-1.5, 1.5),
                [("GD", Support.OptimizerPath.Follow(new GradientDescent(0.05), p => [2 * p[0], 20 * p[1]], [1.5, 1], 30))], "paths"),
            "weights" => Charts.ImageGrid(Enumerable.Range(0, 10).Select(k => Enumerable.Range(0, 784).Select(i => (float)Math.Sin(i * (k + 1) / 50.0)).ToArray()).ToArray(),
                28, 28, Enumerable.Range(0, 10).Select(k => $"class {k}").ToArray(), "weights"),
            "metric" => Charts.MetricAgainst("accuracy against λ", "λ", "validation accuracy", [0.001, 0.01, 0.1, 1], [0.8, 0.82, 0.81, 0.7], logX: true),
            "confusion" => Charts.ConfusionMatrix(new[,] { { 5, 1 }, { 2, 7 } }, ["cat", "dog"]),
            "gradients" => Charts.GradientMagnitudes([new Series("sigmoid", [1.0, 2, 3, 4], [1e-1, 1e-3, 1e-5, 1e-7])]),
            _ => throw new ArgumentException(name),
        };
        var picture = ChartRendering.Render(ChartDisplay.FigureJson(chart), Path.Combine(folder, name));
        Assert.True(picture.CountNonWhite() > 5_000, $"{name} drew only {picture.CountNonWhite()} non-white pixels");
        Assert.True(picture.CountColours() > 4, $"{name} used only {picture.CountColours()} colours");
    }
}
