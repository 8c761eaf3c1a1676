using System.Text.Json.Nodes;
using DlCourse.Plotting;

namespace DlCourse.Tests.Plotting;

public class FunctionChartTests
{
    [Fact]
    public void Draws_each_function_at_every_grid_point()
    {
        double[] grid = [-1, 0, 0.5, 2];
        var chart = Charts.Functions("t", "x", "y", grid, ("square", x => x * x), ("exp", Math.Exp));
        var traces = JsonNode.Parse(FigureJson.Of(chart))!["data"]!.AsArray();
        Assert.Equal(2, traces.Count);
        Assert.Equal("square", (string)traces[0]!["name"]!);
        Assert.Equal(grid, traces[0]!["x"]!.AsArray().Select(v => (double)v!));
        Assert.Equal([1.0, 0, 0.25, 4], traces[0]!["y"]!.AsArray().Select(v => (double)v!));
        Assert.Equal(grid.Select(Math.Exp), traces[1]!["y"]!.AsArray().Select(v => (double)v!));
    }

    [Fact]
    public void Is_the_chart_of_the_same_lines()
    {
        double[] grid = [0, 1, 2];
        var direct = Charts.Lines("t", "x", "y", [new Series("cube", grid, [0.0, 1, 8])]);
        Assert.Equal(FigureJson.Of(direct), FigureJson.Of(Charts.Functions("t", "x", "y", grid, ("cube", x => x * x * x))));
    }

    [Fact]
    public void Refuses_an_empty_grid_no_function_or_a_null_one()
    {
        Assert.Throws<ArgumentException>(() => Charts.Functions("t", "x", "y", [], ("f", x => x)));
        Assert.Throws<ArgumentException>(() => Charts.Functions("t", "x", "y", [1.0]));
        var e = Assert.Throws<ArgumentException>(() => Charts.Functions("t", "x", "y", [1.0], ("g", null!)));
        Assert.Contains("\"g\"", e.Message);
    }
}
