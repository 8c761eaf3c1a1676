using System.Globalization;
using DlCourse.Cli.Grading.Results;

namespace DlCourse.Cli.Grading.Late;

/// <summary>What the late policy did to a submission, in the student's words: one line per assignment, with the points it cost.</summary>
internal static class LateNotes
{
    /// <summary>One line per assignment the policy was applied to, e.g. "a1-loss-functions: due …, handed in …: 1 day late: …".</summary>
    public static IReadOnlyList<string> Lines(SubmissionResult result, bool lateOnly = false) =>
        AssignmentScore.Of(result).Where(a => a.Late is { } l && (!lateOnly || l.DaysLate > 0)).Select(Line).ToList();

    public static string Line(AssignmentScore a)
    {
        var late = a.Late ?? throw new ArgumentException($"{a.Assignment} has no late policy applied.", nameof(a));
        var line = $"{a.Assignment}: due {Due(late)}, handed in {CourseClock.Format(late.Submitted)}: {late.Rule}";
        return line + (a.Penalty > 0 ? $"; {Num(a.Raw)} − {Num(a.Penalty)} = {Num(a.Final)} points." : ".");
    }

    /// <summary>The deadline as the student reads it: the time, the course's zone, and whether it is their extension.</summary>
    public static string Due(Lateness late) =>
        CourseClock.Format(late.Due) + (late.Zone is { } zone ? $" ({zone})" : "") + (late.Extended ? ", your extension" : "");

    private static string Num(double x) => x.ToString("0.##", CultureInfo.InvariantCulture);
}
