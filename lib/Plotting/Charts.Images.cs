using Plotly.NET;
using CSharpChart = Plotly.NET.CSharp.Chart;

namespace DlCourse.Plotting;

public static partial class Charts
{
    /// <summary>
    /// A grid of images, e.g. the ten 28 × 28 weight vectors of softmax regression: each vector holds
    /// <paramref name="height"/> × <paramref name="width"/> values row by row; blue negative, red positive.
    /// </summary>
    public static GenericChart ImageGrid(IReadOnlyList<float[]> images, int height, int width, IReadOnlyList<string> titles,
        string title, int columns = 5)
    {
        if (images.Count != titles.Count) throw new ArgumentException($"{images.Count} images but {titles.Count} titles");
        foreach (var image in images)
            if (image.Length != height * width) throw new ArgumentException($"an image has {image.Length} values, not {height} × {width}");
        int rows = (images.Count + columns - 1) / columns;
        var cells = images.Select((image, n) =>
        {
            // A symmetric colour range per image so that white means zero weight.
            double limit = Math.Max(1e-12, image.Max(v => Math.Abs(v)));
            var z = Enumerable.Range(0, height).Select(r => Enumerable.Range(0, width).Select(c => image[r * width + c] / limit).ToArray()).ToArray();
            return CSharpChart.Heatmap<double, int, int, string>(z, Name: titles[n], ShowScale: false, ReverseYAxis: true,
                ColorScale: StyleParam.Colorscale.RdBu, ReverseScale: true);
        });
        var grid = CSharpChart.Grid(cells, rows, columns, SubPlotTitles: titles.ToArray());
        grid = Plotly.NET.Chart.withTitle(title, null).Invoke(grid);
        return Plotly.NET.CSharp.GenericChartExtensions.WithSize(grid, 180 * columns, 190 * rows + 60);
    }

    /// <summary>A <see cref="Metrics.ConfusionMatrix"/> as an annotated heatmap.</summary>
    public static GenericChart ConfusionMatrix(Metrics.ConfusionMatrix matrix, IReadOnlyList<string> classNames, string title = "confusion matrix") =>
        ConfusionMatrix(matrix.ToArray(), classNames, title);

    /// <summary>A confusion matrix as an annotated heatmap: row = true class, column = predicted class.</summary>
    public static GenericChart ConfusionMatrix(int[,] counts, IReadOnlyList<string> classNames, string title = "confusion matrix")
    {
        int k = counts.GetLength(0);
        if (counts.GetLength(1) != k || classNames.Count != k) throw new ArgumentException($"a {k} × {k} matrix needs {k} class names");
        // Plotly draws row 0 at the bottom: reverse so that the first true class is on top, as in a printed matrix.
        var z = Enumerable.Range(0, k).Reverse().Select(r => Enumerable.Range(0, k).Select(c => counts[r, c]).ToArray()).ToArray();
        var text = z.Select(row => row.Select(v => v.ToString()).ToArray()).ToArray();
        var names = classNames.ToArray();
        var chart = CSharpChart.AnnotatedHeatmap<int, string, string, string>(z, text, X: names, Y: names.Reverse().ToArray(),
            ColorScale: StyleParam.Colorscale.Greens, ReverseScale: true, ShowScale: true);
        return Style(chart, title, "predicted class", "true class");
    }
}
