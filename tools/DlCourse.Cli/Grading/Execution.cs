using DlCourse.Cli.Notebooks;
using DlCourse.Cli.Running;

namespace DlCourse.Cli.Grading;

/// <summary>A cell's outcome: its status (the runner's; TimedOut and KernelDied end the worker, so later cells are NotRun),
/// its text output (streams and plain-text results), unless it succeeded, why not, and the checks the course library
/// recorded while it ran (null when no library was loaded), which the grader judges against a reference run.</summary>
public sealed record CellOutcome(CellStatus Status, string Output, string? Error, IReadOnlyList<Judging.CheckRecord>? Checks = null)
{
    /// <summary>The cell ran and did not end well: it failed, timed out or its worker died (not: succeeded, or never ran).</summary>
    public bool Failed => Status is CellStatus.Failed or CellStatus.TimedOut or CellStatus.KernelDied;

    /// <summary>The outcome as a student reads it in results and feedback, cut to a few thousand characters.</summary>
    public string Describe()
    {
        var output = Truncate(Output.Trim(), 4000);
        return Status switch
        {
            CellStatus.Succeeded => output.Length == 0 ? "passed" : $"passed\n{output}",
            CellStatus.Failed when Error?.Contains("NotImplementedException") == true => $"not answered yet (NotImplementedException)\n{Truncate(Error, 2000)}",
            CellStatus.Failed => $"failed: {Truncate(Error ?? "error", 4000)}" + (output.Length > 0 ? $"\n{output}" : ""),
            CellStatus.TimedOut => $"failed: {Error ?? "timed out"}",
            CellStatus.KernelDied => $"failed: {Error ?? "the worker process exited while running this cell (Environment.Exit, a stack overflow or the memory limit)"}",
            _ => $"not run: {Error ?? "an earlier cell stopped the worker"}",
        };
    }

    private static string Truncate(string s, int max) => s.Length <= max ? s : s[..max] + $"\n… ({s.Length - max} more characters)";
}

/// <summary>An executed notebook (outputs filled in) and one outcome per cell, aligned with its cells.</summary>
public sealed record ExecutionRun(Notebook Executed, IReadOnlyList<CellOutcome> Cells);

/// <summary>Runs a notebook in a fresh worker process, as <paramref name="options"/> say (the grader's come from its sandbox).</summary>
public interface INotebookExecutor
{
    Task<ExecutionRun> ExecuteAsync(Notebook notebook, RunOptions options, CancellationToken cancellation);
}
