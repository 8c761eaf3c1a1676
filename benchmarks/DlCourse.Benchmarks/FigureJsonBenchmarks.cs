using BenchmarkDotNet.Attributes;
using DlCourse.Plotting;
using Plotly.NET;

namespace DlCourse.Benchmarks;

/// <summary>Figure JSON of a large chart (a 150 × 150 decision-region heatmap with points, as in A2 Q1): Plotly.NET 6's serializer (baseline) against the kit's.</summary>
[MemoryDiagnoser]
public class FigureJsonBenchmarks
{
    private GenericChart chart = null!;

    [GlobalSetup]
    public void Setup()
    {
        var points = Data.Synthetic.TwoGaussians(200, seed: 1);
        chart = Charts.DecisionRegions((a, b) => a * a + b > 1 ? 1 : 0, new AxisRange(-3, 3), new AxisRange(-3, 3), 2, "regions", points);
        Console.WriteLine($"// figure JSON: {FigureJson.Of(chart).Length / 1024} KB");
    }

    [Benchmark(Baseline = true)]
    public int PlotlyNet() => GenericChart.toFigureJson(chart).Length;

    [Benchmark]
    public int Kit() => FigureJson.Of(chart).Length;
}
