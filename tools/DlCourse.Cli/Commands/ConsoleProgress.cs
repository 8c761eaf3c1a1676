using System.Diagnostics;
using DlCourse.Cli.Running;
using Spectre.Console;

namespace DlCourse.Cli.Commands;

/// <summary>Shows work on many notebooks: live bars on a terminal, one line per notebook otherwise (CI logs).</summary>
public static class ConsoleProgress
{
    /// <summary>Runs <paramref name="work"/> for every item in parallel; it returns null on success or a one-line problem.</summary>
    /// <remarks>Times count from the item's first progress report, so waiting for a job slot is not counted.</remarks>
    public static async Task RunAsync(IReadOnlyList<string> names, Func<int, IProgress<RunProgress>, Task<string?>> work)
    {
        if (!AnsiConsole.Profile.Capabilities.Interactive)
        {
            await Task.WhenAll(names.Select(async (name, i) =>
            {
                var clock = new Stopwatch();
                var problem = await work(i, new SynchronousProgress(_ => { if (!clock.IsRunning) clock.Start(); }));
                Report(name, problem, clock.Elapsed);
            }));
            return;
        }

        var outcomes = new (string? Problem, TimeSpan Time)[names.Count];
        await AnsiConsole.Progress()
            .Columns(new TaskDescriptionColumn { Alignment = Justify.Left }, new ProgressBarColumn(), new PercentageColumn(), new ElapsedTimeColumn())
            .StartAsync(async context =>
            {
                await Task.WhenAll(names.Select(async (name, i) =>
                {
                    var task = context.AddTask(Markup.Escape(name), autoStart: false, maxValue: 1);
                    var clock = new Stopwatch();
                    var problem = await work(i, new SynchronousProgress(p =>
                    {
                        // The first report comes when the notebook leaves the queue for a free job slot.
                        if (!clock.IsRunning) clock.Start();
                        if (!task.IsStarted) task.StartTask();
                        task.MaxValue = Math.Max(1, p.CellsTotal);
                        task.Value = p.CellsDone;
                    }));
                    task.Value = task.MaxValue;
                    task.StopTask();
                    outcomes[i] = (problem, clock.Elapsed);
                }));
            });
        for (var i = 0; i < names.Count; i++) Report(names[i], outcomes[i].Problem, outcomes[i].Time);
    }

    private static void Report(string name, string? problem, TimeSpan time)
    {
        var seconds = $"{time.TotalSeconds,6:0.0} s";
        AnsiConsole.MarkupLine(problem is null
            ? $"[green]✓[/] {seconds}  {Markup.Escape(name)}"
            : $"[red]✗[/] {seconds}  {Markup.Escape(name)}: {Markup.Escape(problem)}");
    }

    /// <summary>Unlike <see cref="Progress{T}"/>, reports on the caller's thread, so the bars never lag behind.</summary>
    private sealed class SynchronousProgress(Action<RunProgress> report) : IProgress<RunProgress>
    {
        public void Report(RunProgress value) => report(value);
    }
}
