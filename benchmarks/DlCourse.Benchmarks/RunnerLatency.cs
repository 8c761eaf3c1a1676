using System.Diagnostics;
using DlCourse.Cli.Notebooks;
using DlCourse.Cli.Running;

namespace DlCourse.Benchmarks;

/// <summary>How long the runner takes to start a kernel, run a first cell and run a warm trivial cell (medians of several notebooks).</summary>
/// <remarks>Whole processes are timed, so this is a plain comparison program rather than a BenchmarkDotNet class.</remarks>
public static class RunnerLatency
{
    public static async Task RunAsync(int notebooks = 5, int warmCells = 10)
    {
        var cells = Enumerable.Range(0, warmCells + 1).Select(i => $"{i} + 1").ToArray();
        var notebook = Notebook.Parse(PolyglotJson(cells), "latency.ipynb");
        var starts = new List<double>();
        var firsts = new List<double>();
        var warms = new List<double>();
        var totals = new List<double>();
        for (var i = 0; i < notebooks; i++)
        {
            var clock = Stopwatch.StartNew();
            var run = await NotebookRunner.RunAsync(notebook, null, new RunOptions { WorkingDirectory = Path.GetTempPath() });
            totals.Add(clock.Elapsed.TotalMilliseconds);
            if (!run.Succeeded) throw new InvalidOperationException(run.Describe());
            starts.Add(run.KernelStart.TotalMilliseconds);
            firsts.Add(run.Cells[0].Duration.TotalMilliseconds);
            warms.Add(Statistics.Median(run.Cells.Skip(1).Select(c => c.Duration.TotalMilliseconds)));
        }
        double start = Statistics.Median(starts), first = Statistics.Median(firsts), warm = Statistics.Median(warms);
        Console.WriteLine($"Runner latency, median of {notebooks} notebooks ({Environment.ProcessorCount} cores):");
        Console.WriteLine($"  kernel start (process + kernel ready) {start,8:0} ms  = {start / warm,6:0}× a warm cell");
        Console.WriteLine($"  first cell (1 + 1)                    {first,8:0} ms  = {first / warm,6:0}× a warm cell");
        Console.WriteLine($"  warm trivial cell                     {warm,8:0.0} ms");
        Console.WriteLine($"  whole notebook of {cells.Length} cells           {Statistics.Median(totals),8:0} ms");
    }

    private static string PolyglotJson(string[] cells)
    {
        var code = string.Join(",", cells.Select(c =>
            $$$"""{"cell_type":"code","execution_count":null,"metadata":{"polyglot_notebook":{"kernelName":"csharp"}},"outputs":[],"source":["{{{c}}}"]}"""));
        return $$$"""{"cells":[{{{code}}}],"metadata":{"kernelspec":{"name":".net-csharp"}},"nbformat":4,"nbformat_minor":5}""";
    }
}
