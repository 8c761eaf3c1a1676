using System.Diagnostics;
using DlCourse.Cli.Export;

namespace DlCourse.Benchmarks;

/// <summary>Seconds per notebook for a batch PDF export with one warm browser, against starting a browser for each notebook.</summary>
/// <remarks>Whole browser sessions are timed, so this is a plain comparison program rather than a BenchmarkDotNet class.</remarks>
public static class ExportBatch
{
    /// <param name="paths">Executed notebooks to export; by default the export tests' fixture (math, outputs, a chart), ten times.</param>
    public static async Task RunAsync(IReadOnlyList<string> paths, int copies = 10)
    {
        var work = Directory.CreateTempSubdirectory("dlcourse-export-bench-").FullName;
        try
        {
            var notebooks = paths.Count > 0 ? paths.ToList() : Copies(FindFixture(), work, copies);
            var options = new ExportOptions { OutDir = Path.Combine(work, "out") };

            var clock = Stopwatch.StartNew();
            await using (var browser = await PdfBrowser.StartAsync())
            {
                var start = clock.Elapsed.TotalSeconds;
                // One notebook first so that page caches and the JIT are warm, as in any batch after its first file.
                await NotebookExporter.ExportAsync([notebooks[0]], options, browser);
                var warm = new List<double>();
                var phases = new List<PrintResult>();
                foreach (var notebook in notebooks)
                {
                    var one = Stopwatch.StartNew();
                    phases.Add((await NotebookExporter.ExportAsync([notebook], options, browser))[0].Print!);
                    warm.Add(one.Elapsed.TotalSeconds);
                }
                var batch = Stopwatch.StartNew();
                await NotebookExporter.ExportAsync(notebooks, options, browser);
                var perNotebookInBatch = batch.Elapsed.TotalSeconds / notebooks.Count;

                // The same notebooks, each with a browser of its own (what a per-file tool would do).
                var cold = new List<double>();
                foreach (var notebook in notebooks.Take(3))
                {
                    var one = Stopwatch.StartNew();
                    await NotebookExporter.ExportAsync([notebook], options);
                    cold.Add(one.Elapsed.TotalSeconds);
                }

                Console.WriteLine($"PDF export, {notebooks.Count} notebook(s), {Environment.ProcessorCount} cores:");
                Console.WriteLine($"  browser start (Playwright driver + Chromium)   {start,6:0.00} s");
                Console.WriteLine($"  one notebook, warm browser: median            {Statistics.Median(warm),6:0.00} s  (min {warm.Min():0.00}, max {warm.Max():0.00})");
                Console.WriteLine($"    of which page load {Statistics.Median(phases.Select(p => p.Load.TotalSeconds)):0.00} s, math+charts {Statistics.Median(phases.Select(p => p.Render.TotalSeconds)):0.00} s, PDF {Statistics.Median(phases.Select(p => p.Print.TotalSeconds)):0.00} s (medians)");
                Console.WriteLine($"  batch of {notebooks.Count}, warm browser: per notebook      {perNotebookInBatch,6:0.00} s");
                Console.WriteLine($"  one notebook, own browser: median of {cold.Count}        {Statistics.Median(cold),6:0.00} s  = {Statistics.Median(cold) / Statistics.Median(warm):0.0}× warm");
            }
        }
        finally
        {
            Directory.Delete(work, recursive: true);
        }
    }

    private static List<string> Copies(string notebook, string folder, int copies) =>
        Enumerable.Range(1, copies).Select(i =>
        {
            var path = Path.Combine(folder, $"q{i:00}.ipynb");
            File.Copy(notebook, path);
            return path;
        }).ToList();

    private static string FindFixture()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            var path = Path.Combine(dir.FullName, "tests", "DlCourse.Tests", "Export", "Fixtures", "executed.ipynb");
            if (File.Exists(path)) return path;
        }
        throw new FileNotFoundException("run from inside the repository: the export fixture notebook was not found");
    }
}
