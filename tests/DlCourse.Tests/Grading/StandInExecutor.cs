using DlCourse.Cli.Grading;
using DlCourse.Cli.Notebooks;
using DlCourse.Cli.Running;

namespace DlCourse.Tests.Grading;

/// <summary>
/// A stand-in for the sandboxed worker: a test cell passes when the notebook's code solution cell ran and holds no stub
/// and no WRONG; a cell containing CRASH kills the worker. Markdown cells "run" without output.
/// </summary>
internal sealed class StandInExecutor : INotebookExecutor
{
    public int Runs;
    public Func<Notebook, Exception?>? FailWith;

    public Task<ExecutionRun> ExecuteAsync(Notebook notebook, RunOptions options, CancellationToken cancellation)
    {
        Interlocked.Increment(ref Runs);
        if (FailWith?.Invoke(notebook) is { } e) throw e;
        var executed = notebook.Clone();
        var outcomes = new List<CellOutcome>();
        bool dead = false, solved = false, stub = false, unloaded = false;
        foreach (var cell in executed.Cells)
        {
            var text = cell.Source;
            var role = GradingCell.Of(cell);
            if (dead) { outcomes.Add(new CellOutcome(CellStatus.NotRun, "", null)); continue; }
            if (cell.Kind != CellKind.Code) { outcomes.Add(new CellOutcome(CellStatus.Succeeded, "", null)); continue; }
            if (text.Contains("CRASH")) { dead = true; outcomes.Add(new CellOutcome(CellStatus.KernelDied, "", null)); continue; }
            // A course cell marked LIBRARY_FAILS fails as a first cell does when the library cannot load; every cell after it fails too.
            if (unloaded || text.Contains("LIBRARY_FAILS"))
            {
                unloaded = true;
                outcomes.Add(new CellOutcome(CellStatus.Failed, "", "(1,1): error CS0006: Metadata file '../lib/DlCourse.Lib.dll' could not be found"));
                continue;
            }
            if (role.IsSolution) (solved, stub) = (!text.Contains("NotImplementedException") && !text.Contains("WRONG"), text.Contains("NotImplementedException"));
            if (role.IsTest && !solved) outcomes.Add(new CellOutcome(CellStatus.Failed, "", stub ? "System.NotImplementedException: The method or operation is not implemented." : "CheckFailed: wrong answer"));
            else outcomes.Add(new CellOutcome(CellStatus.Succeeded, role.IsTest ? "✓ ok" : "", null));
        }
        return Task.FromResult(new ExecutionRun(executed, outcomes));
    }
}
