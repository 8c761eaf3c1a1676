using DlCourse.Cli.Running;
using DlCourse.Tests.Support;

namespace DlCourse.Tests.Plotting;

/// <summary>A notebook executed by the real runner (kernel and all): its chart output renders in headless Chromium.</summary>
public class NotebookChartRenderingTests
{
    [Fact]
    public async Task ExecutedNotebookChartRendersOffline()
    {
        var run = await NotebookRunner.RunAsync(TestNotebook.Create(
                "#!import \"../course.csx\"",
                "var data = Synthetic.TwoGaussians(30, seed: 1);\n" +
                "var (train, validation) = data.Split(0.3, seed: 2);\n" +
                "var history = Trainer.Fit(new LogisticRegression(2), new GradientDescent(0.5), train, validation, new TrainingOptions { Epochs = 20 });\n" +
                "Charts.LossCurves(history)"),
            sourcePath: null, new RunOptions { CellTimeout = TimeSpan.FromMinutes(2), WorkingDirectory = Path.Combine(Repository.Notebooks, "a1-loss-functions") });

        var figures = ChartRendering.FiguresIn(run.Executed.Json.ToJsonString());
        var figure = Assert.Single(figures);
        var picture = ChartRendering.Render(figure, Repository.TempFolder("notebook-chart"));
        Assert.True(picture.CountNonWhite() > 5_000, $"the executed notebook's chart drew only {picture.CountNonWhite()} non-white pixels");
    }
}
