namespace DlCourse.Cli.Grading.Results;

/// <summary>
/// The late policy applied to one assignment of one submission, saved with its results: the deadline that counted (the
/// student's extension, if any), when it was handed in, the whole days late, late days spent, and the penalty in percent
/// of the assignment's score (the points follow the score, so a later manual review changes them).
/// </summary>
/// <param name="Due">The deadline on the course's clock.</param>
/// <param name="Zone">The course's time zone, or null when the course file gives UTC offsets only.</param>
/// <param name="LateDaysLeft">The student's budget left after this assignment; null unless the policy is late days.</param>
/// <param name="Rule">What was applied, in the student's words, e.g. "1 day late: 1 late day used, 4 of 5 left; no penalty".</param>
public sealed record Lateness(string Assignment, DateTimeOffset Due, bool Extended, string? Zone, DateTimeOffset Submitted,
    int DaysLate, int LateDaysUsed, int? LateDaysLeft, double PenaltyPercent, string Rule);
