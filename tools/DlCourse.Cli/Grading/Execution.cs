using DlCourse.Cli.Notebooks;
using DlCourse.Cli.Running;

namespace DlCourse.Cli.Grading;

/// <summary>A cell's outcome: its status (the runner's; TimedOut and KernelDied end the worker, so later cells are NotRun),
/// its text output (streams and plain-text results) and, unless it succeeded, why not.</summary>
public sealed record CellOutcome(CellStatus Status, string Output, string? Error);

/// <summary>An executed notebook (outputs filled in) and one outcome per cell, aligned with its cells.</summary>
public sealed record ExecutionRun(Notebook Executed, IReadOnlyList<CellOutcome> Cells);

/// <summary>Runs a notebook in a fresh worker process, as <paramref name="options"/> say (the grader's come from its sandbox).</summary>
public interface INotebookExecutor
{
    Task<ExecutionRun> ExecuteAsync(Notebook notebook, RunOptions options, CancellationToken cancellation);
}
