using System.Text;
using System.Text.Json.Nodes;
using DlCourse.Cli.Notebooks;
using DlCourse.Cli.Running;

namespace DlCourse.Cli.Grading;

/// <summary>Runs a graded notebook through the shared notebook runner, in a worker wrapped by the sandbox.</summary>
public sealed class RunnerExecutor : INotebookExecutor
{
    public async Task<ExecutionRun> ExecuteAsync(Notebook notebook, string workingDirectory, Sandbox sandbox, CancellationToken cancellation)
    {
        var options = new RunOptions
        {
            CellTimeout = sandbox.Options.CellTimeout,
            StartTimeout = TimeSpan.FromSeconds(Math.Max(60, sandbox.Options.CellTimeout.TotalSeconds)),
            // The first cell also compiles the kernel's C# pipeline, which takes seconds on a loaded machine.
            FirstCellTimeout = sandbox.Options.CellTimeout + TimeSpan.FromSeconds(60),
            Environment = sandbox.Environment,
            InheritEnvironment = false,
            CommandPrefix = sandbox.CommandPrefix,
            WorkingDirectory = workingDirectory,
            MaxOutputCharsPerCell = (int)Math.Min(int.MaxValue, sandbox.Options.MaxOutputBytes),
            PackageSources = [], // student code gets no package feed: nothing outside the course library is needed
        };
        var run = await NotebookRunner.RunAsync(notebook, null, options, cancel: cancellation);
        var byIndex = run.Cells.ToDictionary(c => c.Index);
        var outcomes = run.Executed.Cells.Select(cell =>
        {
            if (cell.Kind != CellKind.Code) return new CellOutcome(CellOutcomeStatus.Ok, "", null);
            var (output, error) = Text(cell);
            return byIndex.TryGetValue(cell.Index, out var r) ? r.Status switch
            {
                CellStatus.Succeeded => new CellOutcome(CellOutcomeStatus.Ok, output, null),
                CellStatus.Failed => new CellOutcome(CellOutcomeStatus.Error, output, error ?? "the cell failed"),
                CellStatus.TimedOut => new CellOutcome(CellOutcomeStatus.Timeout, output,
                    $"timed out after {options.CellTimeout.TotalSeconds:0.#} s (an endless loop, or far too slow?)"),
                CellStatus.KernelDied => new CellOutcome(CellOutcomeStatus.Crashed, output,
                    "the worker process exited while running this cell (Environment.Exit, a stack overflow, or the memory limit)" + (error is null ? "" : $"\n{error}")),
                _ => new CellOutcome(CellOutcomeStatus.NotRun, output, "an earlier cell stopped the worker"),
            } : new CellOutcome(CellOutcomeStatus.NotRun, "", "not run");
        }).ToList();
        return new ExecutionRun(run.Executed, outcomes);
    }

    /// <summary>A cell's printed text and its error (name: message), from its nbformat outputs.</summary>
    private static (string Output, string? Error) Text(NotebookCell cell)
    {
        var text = new StringBuilder();
        string? error = null;
        foreach (var output in cell.Outputs.OfType<JsonObject>())
        {
            switch ((string?)output["output_type"])
            {
                case "stream": text.Append(MultilineText.Read(output["text"])); break;
                case "error": error = $"{(string?)output["ename"]}: {(string?)output["evalue"]}"; break;
                default:
                    if (output["data"]?["text/plain"] is { } plain) text.AppendLine(MultilineText.Read(plain));
                    break;
            }
        }
        return (text.ToString(), error);
    }
}
