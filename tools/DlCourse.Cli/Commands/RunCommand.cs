using System.CommandLine;
using System.Text.Json;
using System.Text.Json.Nodes;
using DlCourse.Cli.Notebooks;
using DlCourse.Cli.Running;
using Spectre.Console;

namespace DlCourse.Cli.Commands;

/// <summary><c>dlcourse run PATH... --out DIR</c>: executes notebooks headlessly and writes the executed copies.</summary>
public static class RunCommand
{
    private static readonly TimeSpan FastCellTimeout = new RunOptions().CellTimeout;
    // A full-profile training cell runs for tens of minutes on a CPU; the limit still stops a hung kernel.
    private static readonly TimeSpan FullCellTimeout = TimeSpan.FromHours(4);

    /// <summary>The cell limit: <c>--timeout</c> when given, else one that suits the profile notebooks will run.</summary>
    internal static TimeSpan CellTimeoutFor(double? seconds, string profile) =>
        seconds is { } given ? TimeSpan.FromSeconds(given) : profile == "full" ? FullCellTimeout : FastCellTimeout;

    public static Command Create()
    {
        var paths = new Argument<string[]>("paths") { Description = "Notebooks, or folders searched for .ipynb files.", Arity = ArgumentArity.OneOrMore };
        var output = new Option<string>("--out") { Description = "Folder for the executed notebooks (same relative layout).", Required = true };
        var timeout = new Option<double?>("--timeout") { Description = $"Seconds a single cell may run before its kernel is stopped (default {FastCellTimeout.TotalSeconds:0}; {FullCellTimeout.TotalSeconds:0} with the full profile)." };
        var jobs = new Option<int>("--jobs", "-j") { Description = "Notebooks run at the same time, each in its own kernel.", DefaultValueFactory = _ => 1 };
        var profile = new Option<string?>("--profile") { Description = "fast (default) or full: how much work notebooks do." };
        profile.AcceptOnlyFromAmong("fast", "full");

        var command = new Command("run", "Execute notebooks headlessly on the .NET Interactive kernel.") { paths, output, timeout, jobs, profile };
        command.SetAction(async (r, cancel) =>
        {
            var options = new RunOptions { Profile = r.GetValue(profile) };
            options = options with { CellTimeout = CellTimeoutFor(r.GetValue(timeout), options.EffectiveProfile) };
            return await RunAsync(r.GetValue(paths)!, r.GetValue(output)!, Math.Max(1, r.GetValue(jobs)), options, cancel);
        });
        return command;
    }

    /// <summary>Runs every notebook found; returns 0 when all succeeded, 1 when any cell failed, 2 for bad input.</summary>
    public static async Task<int> RunAsync(string[] paths, string outDir, int jobs, RunOptions options, CancellationToken cancel)
    {
        IReadOnlyList<(NotebookPath Path, Notebook Notebook)> notebooks;
        try
        {
            notebooks = NotebookPaths.Expand(paths).Select(p => (p, Notebook.Load(p.Source))).ToList();
        }
        catch (NotebookFormatException e)
        {
            return Exit.Refuse("run", e.Message);
        }

        var results = new NotebookRun?[notebooks.Count];
        var throttle = new SemaphoreSlim(jobs);
        await ConsoleProgress.RunAsync(notebooks.Select(n => n.Path.Relative).ToList(), async (i, progress) =>
        {
            await throttle.WaitAsync(cancel);
            try
            {
                var (path, notebook) = notebooks[i];
                var run = await NotebookRunner.RunAsync(notebook, path.Source, options, progress, cancel);
                run.Executed.Save(Path.Combine(outDir, path.Relative));
                results[i] = run;
                return run.Succeeded ? null : run.Describe();
            }
            finally
            {
                throttle.Release();
            }
        });

        WriteSummary(outDir, notebooks.Select(n => n.Path).ToList(), results, options);
        var failed = results.Count(r => r is { Succeeded: false });
        AnsiConsole.MarkupLine(failed == 0
            ? $"[green]{notebooks.Count} notebook(s) ran without errors[/]; executed copies in {Markup.Escape(outDir)}"
            : $"[red]{failed} of {notebooks.Count} notebook(s) had errors[/]; executed copies in {Markup.Escape(outDir)}");
        return Exit.Of(failed);
    }

    /// <summary>Writes <c>run.json</c> beside the executed notebooks: per notebook, its status, time and first problem.</summary>
    private static void WriteSummary(string outDir, IReadOnlyList<NotebookPath> paths, IReadOnlyList<NotebookRun?> results, RunOptions options)
    {
        var notebooks = new JsonArray();
        for (var i = 0; i < paths.Count; i++)
        {
            var run = results[i];
            notebooks.Add(new JsonObject
            {
                ["notebook"] = paths[i].Relative.Replace('\\', '/'),
                ["succeeded"] = run?.Succeeded ?? false,
                ["seconds"] = Math.Round(run?.Duration.TotalSeconds ?? 0, 2),
                ["problem"] = run is null ? "not run" : run.Describe(),
                ["cells"] = new JsonArray((run?.Cells ?? []).Select(c => (JsonNode)new JsonObject
                {
                    ["index"] = c.Index,
                    ["status"] = JsonNamingPolicy.CamelCase.ConvertName(c.Status.ToString()),
                    ["seconds"] = Math.Round(c.Duration.TotalSeconds, 3),
                }).ToArray()),
            });
        }
        var summary = new JsonObject
        {
            ["profile"] = options.EffectiveProfile,
            ["cellTimeoutSeconds"] = options.CellTimeout.TotalSeconds,
            ["notebooks"] = notebooks,
        };
        AtomicFile.WriteAllText(Path.Combine(outDir, "run.json"), summary.ToJsonString(new JsonSerializerOptions { WriteIndented = true }) + "\n");
    }
}
