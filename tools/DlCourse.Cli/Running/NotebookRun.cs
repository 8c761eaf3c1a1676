using DlCourse.Cli.Notebooks;

namespace DlCourse.Cli.Running;

public enum CellStatus { Succeeded, Failed, TimedOut, KernelDied, NotRun }

/// <summary>What happened to one code cell, and the checks the course library recorded while it ran (null: none loaded).</summary>
public sealed record CellRun(int Index, CellStatus Status, TimeSpan Duration, System.Text.Json.Nodes.JsonArray? Checks = null);

/// <summary>An executed copy of a notebook and what happened to each code cell; the source notebook is untouched.</summary>
public sealed record NotebookRun(Notebook Executed, IReadOnlyList<CellRun> Cells, TimeSpan Duration)
{
    /// <summary>Time from starting the worker until its kernel was ready for the first cell.</summary>
    public TimeSpan KernelStart { get; init; }

    public bool Succeeded => Cells.All(c => c.Status == CellStatus.Succeeded);

    public CellRun? FirstProblem => Cells.FirstOrDefault(c => c.Status != CellStatus.Succeeded);

    /// <summary>One line on the first problem, e.g. "cell 4: DivideByZeroException: Attempted to divide by zero."</summary>
    public string? Describe()
    {
        if (FirstProblem is not { } problem) return null;
        var error = Executed.Cells[problem.Index].Outputs.LastOrDefault(o => (string?)o?["output_type"] == "error");
        var what = error is null ? problem.Status.ToString() : $"{(string?)error["ename"]}: {FirstLine((string?)error["evalue"])}";
        return $"cell {problem.Index + 1}: {what}";
    }

    private static string FirstLine(string? text) => (text ?? "").Split('\n')[0].Trim();
}

/// <summary>Progress of one notebook: code cells finished out of all code cells.</summary>
public sealed record RunProgress(int CellsDone, int CellsTotal);
