using System.Text.Json.Nodes;
using DlCourse.Plotting;

namespace DlCourse.Tests.Plotting;

public class MetricAgainstTests
{
    private static (double[] X, double[] Y) Points(Plotly.NET.GenericChart chart)
    {
        var trace = JsonNode.Parse(ChartDisplay.FigureJson(chart))!["data"]![0]!;
        return (trace["x"]!.AsArray().Select(v => (double)v!).ToArray(), trace["y"]!.AsArray().Select(v => (double)v!).ToArray());
    }

    [Fact]
    public void A_log_axis_leaves_out_the_parameters_it_cannot_show_and_a_linear_one_keeps_them()
    {
        double[] lambdas = [0, 1e-3, 0.1, -1, 2];
        double[] accuracies = [0.80, 0.81, 0.84, 0.5, 0.60];
        var (x, y) = Points(Charts.MetricAgainst("t", "λ", "accuracy", lambdas, accuracies, logX: true));
        Assert.Equal([1e-3, 0.1, 2], x);
        Assert.Equal([0.81, 0.84, 0.60], y);
        (x, y) = Points(Charts.MetricAgainst("t", "λ", "accuracy", lambdas, accuracies));
        Assert.Equal(lambdas, x);
        Assert.Equal(accuracies, y);
    }

    [Fact]
    public void It_refuses_mismatched_lengths_and_a_log_axis_with_nothing_to_show()
    {
        Assert.Throws<ArgumentException>(() => Charts.MetricAgainst("t", "λ", "accuracy", [1.0, 2], [0.5]));
        Assert.Throws<ArgumentException>(() => Charts.MetricAgainst("t", "λ", "accuracy", [0.0, double.NaN], [0.5, 0.6], logX: true));
    }
}
