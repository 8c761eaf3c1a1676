using DlCourse.Cli.Grading.Judging;
using DlCourse.Cli.Grading.Results;
using DlCourse.Cli.Notebooks;
using DlCourse.Cli.Running;

namespace DlCourse.Cli.Grading;

/// <summary>What the score stage found: a result per test cell and the notes on the student's solution cells.</summary>
internal sealed record ScoredNotebook(IReadOnlyList<TestResult> Tests, IReadOnlyList<string> Notes);

/// <summary>The score stage: a test cell earns its points when it ran without an error and its checks hold against the
/// reference run (<see cref="Judge"/>); a solution cell that failed gets a note.</summary>
internal static class Scoring
{
    /// <param name="reference">The reference run's checks; null judges each check against the student's own run (self-check).</param>
    public static ScoredNotebook Score(AssembledNotebook assembled, RestartedRun run, Reference? reference, string name)
    {
        var outcomes = run.Outcomes;
        var notes = new List<string>();
        // The first code cell loads the library (#!import "../course.csx"): when it fails, every cell after it fails for
        // that reason and not the student's, so say so first.
        int first = assembled.Notebook.Cells.FirstOrDefault(c => c.Kind == CellKind.Code)?.Index ?? -1;
        if (first >= 0 && assembled.Roles[first] is { IsSolution: false, IsTest: false } && outcomes[first].Failed)
            notes.Add($"{name}: the course's first cell, which loads the library, {outcomes[first].Describe()}");
        // A solution cell the restart stage left out has its note from that stage.
        for (int i = 0; i < assembled.Roles.Count; i++)
            if (assembled.Roles[i] is { IsSolution: true, GradeId: { } id } && outcomes[i].Failed
                && !run.StoppedWorker.Contains(i))
                notes.Add($"{name}: your cell {id} {outcomes[i].Describe()}");

        var results = new List<TestResult>();
        for (int i = 0; i < assembled.Roles.Count; i++)
        {
            var role = assembled.Roles[i];
            if (!role.IsTest) continue;
            var id = role.GradeId ?? $"cell {i + 1}";
            var outcome = outcomes[i];
            var verdict = outcome.Status == CellStatus.Succeeded
                ? Judge.Compare(outcome.Checks ?? [], reference?.For(id) ?? outcome.Checks ?? [])
                : new Verdict(false);
            var output = verdict.Passed || verdict.Why is null ? outcome.Describe()
                : (outcome with { Status = CellStatus.Failed, Error = $"your run's values do not hold against the reference run's: {verdict.Why}" }).Describe();
            results.Add(new TestResult(name, id, verdict.Passed ? role.Points : 0, role.Points, role.IsHidden, verdict.Passed, output));
        }
        return new ScoredNotebook(results, notes);
    }
}
