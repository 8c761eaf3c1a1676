using DlCourse.Cli.Grading.Late;

namespace DlCourse.Tests.Grading.Late;

/// <summary>The course's clock at the edges: on time to the second, one second late, whole days on the wall clock across daylight saving.</summary>
public class CourseClockTests
{
    private static readonly CourseClock Berlin = CourseClock.For("Europe/Berlin");
    private static readonly CourseClock Offsets = CourseClock.For(null);

    [Fact]
    public void Exactly_on_time_is_on_time_and_one_second_later_is_one_whole_day_late()
    {
        var due = Offsets.Parse("2026-10-12T23:59:00+02:00", "due");
        Assert.Equal(0, Offsets.DaysLate(due, Offsets.Parse("2026-10-12T23:59:00+02:00", "t")));
        Assert.Equal(0, Offsets.DaysLate(due, Offsets.Parse("2026-10-12T21:59:00Z", "t"))); // the same instant, written in UTC
        Assert.Equal(1, Offsets.DaysLate(due, Offsets.Parse("2026-10-12T23:59:01+02:00", "t")));
        Assert.Equal(1, Offsets.DaysLate(due, Offsets.Parse("2026-10-13T23:59:00+02:00", "t")));
        Assert.Equal(2, Offsets.DaysLate(due, Offsets.Parse("2026-10-13T23:59:00.5+02:00", "t"))); // Gradescope's fractions count
        Assert.Equal(30, Offsets.DaysLate(due, Offsets.Parse("2026-11-11T23:59:00+02:00", "t")));
    }

    [Fact]
    public void Local_times_are_read_in_the_course_zone_with_the_offset_of_that_day()
    {
        Assert.Equal(TimeSpan.FromHours(2), Berlin.Parse("2026-03-29T12:00", "due").Offset); // summer time from 29 March 2026
        Assert.Equal(TimeSpan.FromHours(1), Berlin.Parse("2026-03-28 23:59", "due").Offset);
        Assert.Equal(new DateTimeOffset(2026, 3, 28, 22, 59, 0, TimeSpan.Zero), Berlin.Parse("2026-03-28T23:59", "due").ToUniversalTime());
    }

    [Fact]
    public void Across_the_spring_change_a_late_day_ends_at_the_due_time_of_day_so_it_is_23_hours_long()
    {
        // Due on Saturday 28 March 2026 at 23:59 in Berlin; the clocks go forward at 02:00 that night.
        var due = Berlin.Parse("2026-03-28T23:59", "due");
        Assert.Equal(1, Berlin.DaysLate(due, Berlin.Parse("2026-03-29T23:59:00+02:00", "t"))); // 23 hours later: still day 1
        Assert.Equal(2, Berlin.DaysLate(due, Berlin.Parse("2026-03-29T23:59:01+02:00", "t")));
        // 23 h 31 min after the deadline: fewer than 24 hours, but past Sunday 23:59 on the wall clock.
        var submitted = Berlin.Parse("2026-03-30T00:30", "t");
        Assert.True(submitted - due < TimeSpan.FromHours(24));
        Assert.Equal(2, Berlin.DaysLate(due, submitted));
    }

    [Fact]
    public void Across_the_autumn_change_a_late_day_is_25_hours_long()
    {
        var due = Berlin.Parse("2026-10-24T23:59", "due"); // the clocks go back on 25 October 2026
        var submitted = Berlin.Parse("2026-10-25T23:30", "t");
        Assert.True(submitted - due > TimeSpan.FromHours(24));
        Assert.Equal(1, Berlin.DaysLate(due, submitted));
    }

    [Fact]
    public void A_skipped_local_time_is_refused_and_a_repeated_one_is_the_later_instant()
    {
        var e = Assert.Throws<InvalidDataException>(() => Berlin.Parse("2026-03-29T02:30", "assignments.a1.due"));
        Assert.StartsWith("assignments.a1.due: \"2026-03-29T02:30\" does not exist in Europe/Berlin", e.Message);
        Assert.Equal(TimeSpan.FromHours(1), Berlin.Parse("2026-10-25T02:30", "due").Offset); // the second 02:30, in winter time
    }

    [Theory]
    [InlineData("2026-10-12", "is not a date and time")]
    [InlineData("12/10/2026 23:59", "is not a date and time")]
    [InlineData("2026-02-30T23:59", "no such day")]
    [InlineData("2026-10-12T23:59+15:00", "beyond ±14:00")]
    [InlineData("2026-10-12T23:59", "no UTC offset and the course file names no time_zone")]
    public void Malformed_times_are_refused_with_where_they_are(string text, string why)
    {
        var e = Assert.Throws<InvalidDataException>(() => Offsets.Parse(text, "extensions.csv line 3"));
        Assert.StartsWith("extensions.csv line 3: ", e.Message);
        Assert.Contains(why, e.Message);
    }

    [Fact]
    public void An_unknown_time_zone_is_refused()
    {
        var e = Assert.Throws<InvalidDataException>(() => CourseClock.For("Europe/Atlantis"));
        Assert.StartsWith("time_zone: \"Europe/Atlantis\" is not a time zone", e.Message);
    }
}
