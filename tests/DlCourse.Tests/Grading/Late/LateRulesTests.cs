using DlCourse.Cli.Grading.Late;
using DlCourse.Cli.Grading.Results;

namespace DlCourse.Tests.Grading.Late;

/// <summary>The policies at their edges: a penalty up to its cap, an extension past the cap, a late-day budget spent in due-date order and exhausted.</summary>
public class LateRulesTests
{
    [Fact]
    public void A_penalty_grows_per_day_late_and_stops_at_its_cap()
    {
        var rules = new LateFiles(LateFiles.Penalty).WithSubmitted(
            "ontime,a1,2026-10-05T23:59:00", "second,a1,2026-10-05T23:59:01", "two,a1,2026-10-07T20:00", "week,a1,2026-10-12T12:00").Rules();

        Lateness A1(string student) => Assert.Single(rules.For(student, ["a1"]));
        Assert.Equal((0, 0.0, "on time"), (A1("ontime").DaysLate, A1("ontime").PenaltyPercent, A1("ontime").Rule));
        Assert.Equal((1, 10.0), (A1("second").DaysLate, A1("second").PenaltyPercent));
        Assert.Equal((2, 20.0), (A1("two").DaysLate, A1("two").PenaltyPercent));
        Assert.Equal((7, 30.0), (A1("week").DaysLate, A1("week").PenaltyPercent));
        Assert.Equal("7 days late: 30% late penalty (10% per day late, at most 30%)", A1("week").Rule);
        Assert.Equal(TimeSpan.FromHours(2), A1("week").Due.Offset); // shown on the course's clock
    }

    [Fact]
    public void An_extension_past_the_point_where_the_penalty_reaches_its_cap_moves_the_deadline_itself()
    {
        // Five days later than the due date: without the extension that is past the 30% cap.
        var rules = new LateFiles(LateFiles.Penalty)
            .WithExtensions("ext,a1,2026-10-10T23:59", "EXT-late,a1,2026-10-10T23:59")
            .WithSubmitted("ext,a1,2026-10-10T23:00", "ext-late,a1,2026-10-11T09:00", "other,a1,2026-10-10T23:00").Rules();

        var ext = Assert.Single(rules.For("ext", ["a1"]));
        Assert.Equal((true, 0, 0.0), (ext.Extended, ext.DaysLate, ext.PenaltyPercent));
        var late = Assert.Single(rules.For("ext-late", ["a1"])); // the extensions file may spell the student in any case
        Assert.Equal((true, 1, 10.0), (late.Extended, late.DaysLate, late.PenaltyPercent));
        var other = Assert.Single(rules.For("other", ["a1"]));
        Assert.Equal((false, 5, 30.0), (other.Extended, other.DaysLate, other.PenaltyPercent));
    }

    [Fact]
    public void Late_days_are_spent_in_due_date_order_and_past_the_budget_the_assignment_scores_nothing()
    {
        // Budget 3: A1 two days late (graded earlier, known from the manifest), A2 two days late: one day left, one day over.
        var rules = new LateFiles(LateFiles.LateDays).WithSubmitted(
            "ana,a1,2026-10-07T10:00", "ana,a2,2026-10-14T10:00", "ana,a3,2026-10-19T23:00", "ben,a2,2026-10-13T10:00").Rules();

        var ana = rules.For("ana", ["a2", "a3"]);
        Assert.Equal(["a2", "a3"], ana.Select(l => l.Assignment));
        Assert.Equal((2, 1, 0, 100.0), (ana[0].DaysLate, ana[0].LateDaysUsed, ana[0].LateDaysLeft, ana[0].PenaltyPercent));
        Assert.Equal("2 days late: 1 late day used, 0 of 3 left; 1 day past the budget: 100% late penalty (100% per day past the budget, at most 100%)", ana[0].Rule);
        Assert.Equal((0, 0, 0, 0.0, "on time"), (ana[1].DaysLate, ana[1].LateDaysUsed, ana[1].LateDaysLeft, ana[1].PenaltyPercent, ana[1].Rule));

        var ben = Assert.Single(rules.For("ben", ["a2"])); // A1 not handed in: nothing spent on it
        Assert.Equal((1, 1, 2, 0.0), (ben.DaysLate, ben.LateDaysUsed, ben.LateDaysLeft, ben.PenaltyPercent));
        Assert.Equal("1 day late: 1 late day used, 2 of 3 left; no penalty", ben.Rule);
    }

    [Fact]
    public void With_the_budget_exhausted_a_gentler_policy_charges_per_day_past_it()
    {
        var rules = new LateFiles("""{ "kind": "late_days", "budget": 1, "per_day_percent": 20, "cap_percent": 50 }""")
            .WithSubmitted("cy,a1,2026-10-06T10:00", "cy,a2,2026-10-15T10:00").Rules();

        var a2 = rules.For("cy", ["a1", "a2"])[1];
        Assert.Equal((3, 0, 0, 50.0), (a2.DaysLate, a2.LateDaysUsed, a2.LateDaysLeft, a2.PenaltyPercent));
        Assert.Equal("3 days late: no late days left of your 1; 3 days past the budget: 50% late penalty (20% per day past the budget, at most 50%)", a2.Rule);
    }

    [Fact]
    public void A_submission_time_without_an_assignment_counts_for_the_assignments_graded_now_only()
    {
        var files = new LateFiles(LateFiles.LateDays);
        File.WriteAllText(files.Submitted, "student,submitted_at\r\n\"Doe, Jane\",2026-10-13T12:00\r\n");
        var jane = Assert.Single(files.Rules().For("doe, jane", ["a2"]));
        Assert.Equal(("a2", 1, 1), (jane.Assignment, jane.DaysLate, jane.LateDaysUsed));
    }

    [Fact]
    public void Gradescope_metadata_times_the_submission_and_its_users_emails_find_their_extension()
    {
        var files = new LateFiles(LateFiles.Penalty).WithExtensions("jane@example.edu,a2,2026-10-14T23:59");
        var metadata = Path.Combine(files.Folder, "submission_metadata.json");
        File.WriteAllText(metadata, """
            { "id": 123456, "created_at": "2026-10-14T20:22:32.365935+02:00",
              "assignment": { "due_date": "2026-10-12T23:59:00.000000+02:00", "title": "A2" },
              "users": [ { "email": "Jane@Example.edu", "id": 1234, "name": "Jane Doe" } ] }
            """);
        var rules = LateRules.Load(files.Course, files.Extensions, [metadata]);
        rules.CheckStudent("submission", ["a2"]);

        var a2 = Assert.Single(rules.For("submission", ["a2"]));
        Assert.Equal((true, 0, 0.0), (a2.Extended, a2.DaysLate, a2.PenaltyPercent));
        Assert.Equal(new DateTimeOffset(2026, 10, 14, 20, 22, 32, TimeSpan.FromHours(2)).AddTicks(3659350), a2.Submitted);
    }
}
