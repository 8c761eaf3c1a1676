using DlCourse.Cli.Notebooks;

namespace DlCourse.Cli.Grading;

/// <summary>How a cell's run ended. Timeout and Crashed end the worker, so later cells are NotRun.</summary>
public enum CellOutcomeStatus { Ok, Error, Timeout, Crashed, NotRun }

/// <summary>A cell's outcome: its text output (streams and plain-text results) and, unless Ok, why it failed.</summary>
public sealed record CellOutcome(CellOutcomeStatus Status, string Output, string? Error);

/// <summary>An executed notebook (outputs filled in) and one outcome per cell, aligned with its cells.</summary>
public sealed record ExecutionRun(Notebook Executed, IReadOnlyList<CellOutcome> Cells);

/// <summary>Runs a notebook in a fresh, sandboxed worker process.</summary>
public interface INotebookExecutor
{
    Task<ExecutionRun> ExecuteAsync(Notebook notebook, string workingDirectory, Sandbox sandbox, CancellationToken cancellation);
}
