using System.Text.Json.Nodes;

namespace DlCourse.Cli.Grading;

/// <summary>Runs a graded notebook through the shared notebook runner in a sandboxed worker.</summary>
public sealed class RunnerExecutor : INotebookExecutor
{
    public Task<ExecutionRun> ExecuteAsync(JsonObject notebook, string workingDirectory, Sandbox sandbox, CancellationToken cancellation) =>
        throw new NotImplementedException("waiting for the runner (tools/DlCourse.Cli/Running) to land on main");
}
