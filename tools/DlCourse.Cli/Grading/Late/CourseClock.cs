using System.Globalization;
using System.Text.RegularExpressions;

namespace DlCourse.Cli.Grading.Late;

/// <summary>
/// The course's clock: reads the dates and times of the course's files (ISO 8601, with a UTC offset, or local time in
/// the course's IANA time zone) and counts days late the way students read a deadline, on the wall clock of that zone.
/// </summary>
public sealed partial class CourseClock
{
    private CourseClock(TimeZoneInfo? zone) => Zone = zone;

    /// <summary>The course's time zone, or null when every time carries its own UTC offset.</summary>
    public TimeZoneInfo? Zone { get; }

    /// <summary>The clock of <paramref name="zoneName"/> (an IANA name such as Europe/Berlin), or of none.</summary>
    /// <exception cref="InvalidDataException">The system knows no such time zone.</exception>
    public static CourseClock For(string? zoneName)
    {
        if (zoneName is null) return new CourseClock(null);
        try { return new CourseClock(TimeZoneInfo.FindSystemTimeZoneById(zoneName)); }
        catch (Exception e) when (e is TimeZoneNotFoundException or InvalidTimeZoneException)
        {
            throw new InvalidDataException($"time_zone: \"{zoneName}\" is not a time zone this system knows (an IANA name such as Europe/Berlin; install tzdata).");
        }
    }

    [GeneratedRegex(@"^(\d{4})-(\d{2})-(\d{2})[T ](\d{2}):(\d{2})(?::(\d{2})(\.\d{1,7})?)?\s*(Z|[+-]\d{2}:?\d{2})?$", RegexOptions.IgnoreCase)]
    private static partial Regex Iso();

    /// <summary>Reads <c>2026-10-12T23:59</c> (local time in the course's zone) or <c>2026-10-12T23:59:00+02:00</c>;
    /// a local time the clocks skip is refused, and one they pass twice is the later instant (the student's favour).</summary>
    /// <exception cref="InvalidDataException">Not such a date and time, or local without a course time zone; the message starts with <paramref name="where"/>.</exception>
    public DateTimeOffset Parse(string text, string where)
    {
        var m = Iso().Match(text.Trim());
        string Bad(string why) => $"{where}: \"{text}\" {why}";
        if (!m.Success) throw new InvalidDataException(Bad("is not a date and time; write 2026-10-12T23:59 (in the course's time_zone) or 2026-10-12T23:59:00+02:00."));
        DateTime local;
        try
        {
            int N(int g) => int.Parse(m.Groups[g].Value, CultureInfo.InvariantCulture);
            local = new DateTime(N(1), N(2), N(3), N(4), N(5), m.Groups[6].Success ? N(6) : 0, DateTimeKind.Unspecified);
            if (m.Groups[7].Success) local = local.AddTicks((long)(double.Parse("0" + m.Groups[7].Value, CultureInfo.InvariantCulture) * TimeSpan.TicksPerSecond));
        }
        catch (ArgumentOutOfRangeException) { throw new InvalidDataException(Bad("is not a date and time (no such day or hour).")); }

        if (m.Groups[8].Success)
        {
            var o = m.Groups[8].Value.Replace(":", "");
            var offset = o.Equals("Z", StringComparison.OrdinalIgnoreCase) ? TimeSpan.Zero
                : (o[0] == '-' ? -1 : 1) * new TimeSpan(int.Parse(o[1..3], CultureInfo.InvariantCulture), int.Parse(o[3..5], CultureInfo.InvariantCulture), 0);
            if (offset.Duration() > TimeSpan.FromHours(14)) throw new InvalidDataException(Bad("has a UTC offset beyond ±14:00."));
            return new DateTimeOffset(local, offset);
        }
        if (Zone is null) throw new InvalidDataException(Bad("has no UTC offset and the course file names no time_zone; write 2026-10-12T23:59:00+02:00, or add \"time_zone\"."));
        if (Zone.IsInvalidTime(local)) throw new InvalidDataException(Bad($"does not exist in {Zone.Id}: the clocks skip it (daylight saving time)."));
        return ToInstant(local);
    }

    /// <summary>Whole days late, rounded up: 0 at or before <paramref name="due"/>, 1 up to the same time of day the next
    /// day on the course's wall clock (23 or 25 hours across a daylight-saving change), and so on.</summary>
    public int DaysLate(DateTimeOffset due, DateTimeOffset submitted)
    {
        if (submitted <= due) return 0;
        // Wall-clock days are 24 h ± the zone's shift, so the answer is at least one less than the elapsed whole days.
        int k = Math.Max(1, (int)Math.Floor((submitted - due).TotalDays) - 1);
        while (DayEnd(due, k) < submitted) k++;
        return k;
    }

    /// <summary><paramref name="time"/> on the course's clock (its zone's offset at that instant), or as given without a zone.</summary>
    public DateTimeOffset Local(DateTimeOffset time) => Zone is null ? time : TimeZoneInfo.ConvertTime(time, Zone);

    /// <summary>How times are shown to students: <c>2026-10-12 23:59:00 +02:00</c>, with the fraction of a second when there is one.</summary>
    public static string Format(DateTimeOffset time) =>
        time.ToString(time.Ticks % TimeSpan.TicksPerSecond == 0 ? "yyyy-MM-dd HH:mm:ss zzz" : "yyyy-MM-dd HH:mm:ss.FFFFFFF zzz", CultureInfo.InvariantCulture);

    // The end of late day k: the due time of day, k days later on the wall clock.
    private DateTimeOffset DayEnd(DateTimeOffset due, int k)
    {
        if (Zone is null) return due.AddDays(k);
        var local = TimeZoneInfo.ConvertTime(due, Zone).DateTime.AddDays(k);
        // A time the clocks skip that day is read with the offset before the jump (02:30 becomes 03:30 summer time).
        return Zone.IsInvalidTime(local) ? new DateTimeOffset(local, Zone.GetUtcOffset(local.AddDays(-1))) : ToInstant(local);
    }

    private DateTimeOffset ToInstant(DateTime local) =>
        new(local, Zone!.IsAmbiguousTime(local) ? Zone.GetAmbiguousTimeOffsets(local).Min() : Zone.GetUtcOffset(local));
}
