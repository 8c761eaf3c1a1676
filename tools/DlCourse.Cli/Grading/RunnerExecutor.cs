using System.Text;
using System.Text.Json.Nodes;
using DlCourse.Cli.Notebooks;
using DlCourse.Cli.Running;

namespace DlCourse.Cli.Grading;

/// <summary>Runs a graded notebook through the shared notebook runner and reads each cell's outcome from the run.</summary>
public sealed class RunnerExecutor : INotebookExecutor
{
    public async Task<ExecutionRun> ExecuteAsync(Notebook notebook, RunOptions options, CancellationToken cancellation)
    {
        var run = await NotebookRunner.RunAsync(notebook, null, options, cancel: cancellation);
        var byIndex = run.Cells.ToDictionary(c => c.Index);
        var outcomes = run.Executed.Cells.Select(cell =>
        {
            if (cell.Kind != CellKind.Code) return new CellOutcome(CellStatus.Succeeded, "", null);
            var (output, error) = Text(cell);
            if (!byIndex.TryGetValue(cell.Index, out var r)) return new CellOutcome(CellStatus.NotRun, "", "not run");
            return new CellOutcome(r.Status, output, r.Status switch
            {
                CellStatus.Succeeded => null,
                CellStatus.Failed => error ?? "the cell failed",
                CellStatus.TimedOut => $"timed out after {options.CellTimeout.TotalSeconds:0.#} s (an endless loop, or far too slow?)",
                CellStatus.KernelDied => "the worker process exited while running this cell (Environment.Exit, a stack overflow, or the memory limit)"
                    + (error is null ? "" : $"\n{error}"),
                _ => "an earlier cell stopped the worker",
            }, Judging.CheckRecord.Read(r.Checks));
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
