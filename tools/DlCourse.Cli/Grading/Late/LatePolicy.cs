using System.Globalization;

namespace DlCourse.Cli.Grading.Late;

/// <summary>What a late submission costs: nothing, a penalty per day late, or days from a budget per student.</summary>
public enum LatePolicyKind { None, Penalty, LateDays }

/// <summary>What one assignment's lateness cost: late days spent from the budget, and the penalty in percent of its score.</summary>
public sealed record LateCharge(int LateDaysUsed, int? LateDaysLeft, double PenaltyPercent, string Rule);

/// <summary>
/// The course's late policy. <see cref="LatePolicyKind.Penalty"/>: <see cref="PerDayPercent"/> of the assignment's score per
/// day late, at most <see cref="CapPercent"/>. <see cref="LatePolicyKind.LateDays"/>: <see cref="Budget"/> days per student for
/// the term, spent in due-date order; each day past the budget costs <see cref="PerDayPercent"/>, at most <see cref="CapPercent"/>.
/// </summary>
public sealed record LatePolicy
{
    public LatePolicy(LatePolicyKind kind, int budget = 0, double perDayPercent = 0, double capPercent = 0)
    {
        if (budget < 0 || kind != LatePolicyKind.LateDays && budget != 0)
            throw new ArgumentOutOfRangeException(nameof(budget), budget, "budget: a whole number of days, 0 or more, and only for late_days");
        foreach (var (name, value) in new[] { ("per_day_percent", perDayPercent), ("cap_percent", capPercent) })
            if (!double.IsFinite(value) || value < 0 || value > 100)
                throw new ArgumentOutOfRangeException(name, value, $"{name}: a number from 0 to 100");
        (Kind, Budget, PerDayPercent, CapPercent) = (kind, budget, perDayPercent, capPercent);
    }

    public static LatePolicy None { get; } = new(LatePolicyKind.None);

    public LatePolicyKind Kind { get; }
    public int Budget { get; }
    public double PerDayPercent { get; }
    public double CapPercent { get; }

    /// <summary>Charges <paramref name="daysLate"/> days, spending from <paramref name="budgetLeft"/> under the late-days policy.</summary>
    public LateCharge Charge(int daysLate, ref int budgetLeft)
    {
        if (daysLate == 0) return new LateCharge(0, Kind == LatePolicyKind.LateDays ? budgetLeft : null, 0, "on time");
        var late = Days(daysLate) + " late";
        switch (Kind)
        {
            case LatePolicyKind.None:
                return new LateCharge(0, null, 0, $"{late}; this course has no late penalty");
            case LatePolicyKind.Penalty:
                var percent = Math.Min(CapPercent, daysLate * PerDayPercent);
                return new LateCharge(0, null, percent, $"{late}: {Num(percent)}% late penalty ({Num(PerDayPercent)}% per day late, at most {Num(CapPercent)}%)");
            default:
                int used = Math.Min(daysLate, budgetLeft), over = daysLate - used;
                budgetLeft -= used;
                var spent = used == 0 ? $"no late days left of your {Budget}" : $"{Days(used, "late day")} used, {budgetLeft} of {Budget} left";
                if (over == 0) return new LateCharge(used, budgetLeft, 0, $"{late}: {spent}; no penalty");
                var past = Math.Min(CapPercent, over * PerDayPercent);
                return new LateCharge(used, budgetLeft, past, $"{late}: {spent}; {Days(over)} past the budget: {Num(past)}% late penalty " +
                    $"({Num(PerDayPercent)}% per day past the budget, at most {Num(CapPercent)}%)");
        }
    }

    /// <summary>The policy in one line, for the staff.</summary>
    public override string ToString() => Kind switch
    {
        LatePolicyKind.None => "no late penalty",
        LatePolicyKind.Penalty => $"{Num(PerDayPercent)}% per day late, at most {Num(CapPercent)}%",
        _ => $"{Days(Budget, "late day")} per student, then {Num(PerDayPercent)}% per day, at most {Num(CapPercent)}%",
    };

    private static string Days(int n, string unit = "day") => $"{n} {unit}{(n == 1 ? "" : "s")}";

    private static string Num(double x) => x.ToString("0.##", CultureInfo.InvariantCulture);
}
