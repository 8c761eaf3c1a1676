using System.Collections.Concurrent;
using DlCourse.Cli.Grading.Judging;
using DlCourse.Cli.Notebooks;
using DlCourse.Cli.Running;

namespace DlCourse.Cli.Grading;

/// <summary>The course's reference run failed; <see cref="Exception.Message"/> is for the staff, <see cref="ForStudents"/> for results.</summary>
public sealed class ReferenceRunException(string message) : Exception(message)
{
    public const string ForStudents = "the course's reference run of this notebook failed, so it could not be graded; the course staff have the details";
}

/// <summary>
/// The reference runs of one grading run: each source notebook, with its own solutions and its hidden tests at the end,
/// run once in the same sandbox and limits as a student's, and shared by every student graded against it. Its tests
/// seed their inputs, so the checks it records are what a correct solution's run records.
/// </summary>
internal sealed class ReferenceRuns(INotebookExecutor executor, Func<SandboxOptions, int, string, Sandbox> sandboxes)
{
    private readonly ConcurrentDictionary<string, Lazy<Task<Reference>>> runs = new(StringComparer.Ordinal);

    public Task<Reference> ForAsync(string sourcePath, Notebook source, SandboxOptions options, int slot, string workDir, CancellationToken ct) =>
        runs.GetOrAdd(sourcePath, _ => new Lazy<Task<Reference>>(() => RunAsync(source, options, slot, workDir, ct))).Value;

    private async Task<Reference> RunAsync(Notebook source, SandboxOptions options, int slot, string workDir, CancellationToken ct)
    {
        // The course's own solutions are trusted to end: twice a student's cell limit, and one more try, so that a busy
        // machine does not fail every student's notebook at once.
        options = options with { CellTimeout = options.CellTimeout * 2 };
        try { return await RunOnceAsync(source, options, slot, workDir, ct); }
        catch (ReferenceRunException) { return await RunOnceAsync(source, options, slot, workDir, ct); }
    }

    private async Task<Reference> RunOnceAsync(Notebook source, SandboxOptions options, int slot, string workDir, CancellationToken ct)
    {
        var assembled = SubmissionAssembler.Reference(source);
        using var sandbox = sandboxes(options, slot, workDir);
        var run = await executor.ExecuteAsync(assembled.Notebook, sandbox.RunOptions(workDir), ct);
        var tests = new Dictionary<string, IReadOnlyList<CheckRecord>>(StringComparer.Ordinal);
        for (int i = 0; i < assembled.Roles.Count; i++)
        {
            if (!assembled.Roles[i].IsTest) continue;
            var id = assembled.Roles[i].GradeId ?? $"cell {i + 1}";
            var outcome = run.Cells[i];
            if (outcome.Status != CellStatus.Succeeded)
                throw new ReferenceRunException($"{source.Name}: test {id} fails with the course's own solutions: {outcome.Describe()}");
            if (outcome.Checks?.FirstOrDefault(c => c.Kind == "overflow") is not null)
                throw new ReferenceRunException($"{source.Name}: test {id} records more checks or values than one cell may (check a sample of a large array)");
            // With the course library loaded, a test that checks nothing would be judged by whether the student's process threw.
            if (outcome.Checks is [])
                throw new ReferenceRunException($"{source.Name}: test {id} makes no Check call, so it cannot be judged outside the student's process");
            tests[id] = outcome.Checks ?? [];
        }
        return new Reference(tests);
    }
}
