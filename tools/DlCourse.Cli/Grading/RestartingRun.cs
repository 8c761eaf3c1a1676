using DlCourse.Cli.Notebooks;
using DlCourse.Cli.Running;

namespace DlCourse.Cli.Grading;

/// <summary>The outcome of every cell of the assembled notebook, the executed copy in source order, the cells that stopped the
/// worker and were left out of a rerun, what the student should be told about the restarts, and the sandbox's notes (for the staff).</summary>
internal sealed record RestartedRun(CellOutcome[] Outcomes, Notebook Executed, IReadOnlySet<int> StoppedWorker, IReadOnlyList<string> Notes,
    IReadOnlyList<string> SandboxNotes);

/// <summary>The execute stage: runs the assembled notebook in a fresh sandbox; when a cell kills the worker, runs it again
/// without that cell (at most <c>maxRestarts</c> times), so later tests still count.</summary>
internal static class RestartingRun
{
    public static async Task<RestartedRun> RunAsync(INotebookExecutor executor, Func<SandboxOptions, int, string, Sandbox> sandboxes,
        AssembledNotebook assembled, SandboxOptions sandboxOptions, int slot, string workDir, int maxRestarts, string name, CancellationToken ct)
    {
        var notes = new List<string>();
        int count = assembled.Notebook.Cells.Count;
        var skipped = new Dictionary<int, CellOutcome>();
        for (int attempt = 0; ; attempt++)
        {
            var kept = Enumerable.Range(0, count).Where(i => !skipped.ContainsKey(i)).ToList();
            var notebook = assembled.Notebook.Clone();
            notebook.RemoveCells(c => skipped.ContainsKey(c.Index));
            using var sandbox = sandboxes(sandboxOptions, slot, workDir);
            var run = await executor.ExecuteAsync(notebook, sandbox.RunOptions(workDir), ct);

            var outcomes = new CellOutcome[count];
            foreach (var (i, o) in skipped) outcomes[i] = o;
            for (int k = 0; k < kept.Count; k++) outcomes[kept[k]] = run.Cells[k];
            int killer = kept.FindIndex(i => outcomes[i].Status is CellStatus.TimedOut or CellStatus.KernelDied);
            bool laterCells = killer >= 0 && kept.Skip(killer + 1).Any(i => assembled.Notebook.Cells[i].Kind == CellKind.Code);
            if (killer < 0 || !laterCells || attempt >= maxRestarts)
            {
                // Hidden tests run last, so only hidden tests follow one: nothing a student reads may depend on them.
                if (killer >= 0 && laterCells && !assembled.Roles[kept[killer]].IsHidden)
                    notes.Add($"{name}: the worker was stopped {attempt + 1} times; the cells after {Name(kept[killer], assembled.Roles[kept[killer]])} were not run.");
                return new RestartedRun(outcomes, Merge(assembled.Notebook, run.Executed, kept, skipped), skipped.Keys.ToHashSet(), notes, sandbox.Notes);
            }
            var cell = kept[killer];
            skipped[cell] = outcomes[cell];
            // A note that a hidden test stopped the worker would tell a student one bit about its inputs per submission.
            if (!assembled.Roles[cell].IsHidden)
                notes.Add($"{name}: {Name(cell, assembled.Roles[cell])} stopped the worker ({outcomes[cell].Describe()}); the notebook was run again without it.");
        }
    }

    // The executed cells in source order, with the cells that were left out shown with their failure.
    private static Notebook Merge(Notebook assembled, Notebook executed, List<int> kept, Dictionary<int, CellOutcome> skipped)
    {
        var result = assembled.Clone();
        for (int k = 0; k < kept.Count && k < executed.Cells.Count; k++)
        {
            var target = result.Cells[kept[k]];
            var ran = executed.Cells[k];
            if (target.Kind != CellKind.Code) continue;
            target.ExecutionCount = ran.ExecutionCount;
            foreach (var output in ran.Outputs) target.Outputs.Add(output!.DeepClone());
        }
        foreach (var (i, o) in skipped)
            result.Cells[i].Outputs.Add(CellOutputs.Error(o.Status.ToString(), o.Describe()));
        return result;
    }

    private static string Name(int index, GradingCell role) =>
        role.GradeId is { } id ? $"cell {id}" : $"cell {index + 1} of the notebook";
}
