using DlCourse.Cli.Running;

namespace DlCourse.Cli.Grading;

/// <summary>The score stage: a test cell earns its points when it ran without an error; a solution cell that failed gets a note.</summary>
internal static class Scoring
{
    public static List<TestResult> Score(AssembledNotebook assembled, CellOutcome[] outcomes, string name, List<string> notes)
    {
        for (int i = 0; i < assembled.Roles.Count; i++)
            if (assembled.Roles[i] is { IsSolution: true, GradeId: { } id } && outcomes[i].Status is CellStatus.Failed or CellStatus.TimedOut or CellStatus.KernelDied
                && !notes.Any(n => n.Contains($"cell {id} stopped the worker")))
                notes.Add($"{name}: your cell {id} {outcomes[i].Describe()}");

        var results = new List<TestResult>();
        for (int i = 0; i < assembled.Roles.Count; i++)
        {
            var role = assembled.Roles[i];
            if (!role.IsTest) continue;
            bool passed = outcomes[i].Status == CellStatus.Succeeded;
            results.Add(new TestResult(name, role.GradeId ?? $"cell {i + 1}", passed ? role.Points : 0, role.Points, role.IsHidden, passed, outcomes[i].Describe()));
        }
        return results;
    }
}
