using DlCourse.Cli.Grading.Late;
using DlCourse.Tests.Support;

namespace DlCourse.Tests.Grading.Late;

/// <summary>Malformed course, extensions and submission files: one line that names the file, the line or key, and what is wrong; exit 2.</summary>
public class LateFileTests
{
    private const string Good = """{ "time_zone": "Europe/Berlin", "assignments": { "a1": { "due": "2026-10-05T23:59" } }, "late_policy": { "kind": "late_days", "budget": 3 } }""";

    public static TheoryData<string, string> MalformedCourses() => new()
    {
        { "{ \"assignments\": ", "course.json: not valid JSON" },
        { "[1, 2]", "course.json: not a JSON object." },
        { Good.Replace("\"assignments\"", "\"assignment\""), "course.json: assignment: unknown key (expected time_zone, assignments, late_policy)." },
        { Good.Replace("\"a1\": { \"due\": \"2026-10-05T23:59\" }", ""), "course.json: assignments: an object with one entry per assignment folder" },
        { Good.Replace("2026-10-05T23:59", "2026-13-05T23:59"), "course.json: assignments.a1.due: \"2026-13-05T23:59\" is not a date and time (no such day or hour)." },
        { Good.Replace("\"due\"", "\"deadline\""), "course.json: assignments.a1.deadline: unknown key (expected due, title)." },
        { Good.Replace("Europe/Berlin", "Mars/Olympus"), "course.json: time_zone: \"Mars/Olympus\" is not a time zone this system knows" },
        { Good.Replace("\"time_zone\": \"Europe/Berlin\", ", ""), "course.json: assignments.a1.due: \"2026-10-05T23:59\" has no UTC offset and the course file names no time_zone" },
        { Good.Replace("late_days", "grace"), "course.json: late_policy.kind: \"grace\" is not none, penalty or late_days." },
        { Good.Replace("\"budget\": 3", "\"budget\": 2.5"), "course.json: late_policy.budget: 2.5 is not a whole number of days" },
        { Good.Replace("\"budget\": 3", "\"budget\": 3, \"per_day_percent\": 150"), "course.json: late_policy.per_day_percent: a number from 0 to 100" },
        { Good.Replace("\"kind\": \"late_days\", \"budget\": 3", "\"kind\": \"penalty\", \"per_day_percent\": 10"), "course.json: late_policy: a penalty needs per_day_percent and cap_percent." },
    };

    [Theory]
    [MemberData(nameof(MalformedCourses))]
    public void A_malformed_course_file_is_refused_with_its_key(string text, string message)
    {
        var files = new LateFiles(LateFiles.LateDays).WithSubmitted("ana,a1,2026-10-05T20:00");
        File.WriteAllText(files.Course, text);
        var e = Assert.Throws<InvalidDataException>(files.Rules);
        Assert.StartsWith(message, e.Message);
        Assert.DoesNotContain('\n', e.Message);
    }

    public static TheoryData<string, string> MalformedExtensions() => new()
    {
        { "student,assignment,deadline\nana,a1,2026-10-06T23:59\n", "extensions.csv line 1: unknown column \"deadline\"; expected columns student,assignment,due." },
        { "student,assignment,due\nana,a9,2026-10-06T23:59\n", "extensions.csv line 2: \"a9\" is not an assignment of course.json (a1, a2, a3)." },
        { "student,assignment,due\nana,a1,next week\n", "extensions.csv line 2: \"next week\" is not a date and time" },
        { "student,assignment,due\nana,a1,2026-10-06T23:59\nANA,a1,2026-10-07T23:59\n", "extensions.csv line 3: ANA already has an extension for a1 (line 2); keep one." },
        { "student,assignment,due\nana,a1,2026-10-04T23:59\n", "extensions.csv line 2: the new due date 2026-10-04 23:59:00 +02:00 is before the assignment's own, 2026-10-05 23:59:00 +02:00." },
        { "student,assignment,due\nDoe, Jane,a1,2026-10-06T23:59\n", "extensions.csv line 2: 4 fields where the header has 3 (quote a field that holds a comma)." },
        { "student,assignment,due\n,a1,2026-10-06T23:59\n", "extensions.csv line 2: no student." },
    };

    [Theory]
    [MemberData(nameof(MalformedExtensions))]
    public void A_malformed_extensions_file_is_refused_with_its_line(string text, string message)
    {
        var files = new LateFiles(LateFiles.LateDays).WithSubmitted("ana,a1,2026-10-05T20:00");
        File.WriteAllText(files.Extensions, text);
        Assert.StartsWith(message, Assert.Throws<InvalidDataException>(files.Rules).Message);
    }

    public static TheoryData<string, string> MalformedSubmissions() => new()
    {
        { "student,time\nana,2026-10-05T20:00\n", "submitted.csv line 1: unknown column \"time\"; expected columns student,submitted_at (and optionally assignment)." },
        { "student\nana\n", "submitted.csv line 1: no column \"submitted_at\"; expected columns student,submitted_at (and optionally assignment)." },
        { "student,submitted_at\nana,yesterday\n", "submitted.csv line 2: \"yesterday\" is not a date and time" },
        { "student,submitted_at\nana,2026-10-05T20:00\nben,2026-10-05T20:00\nAna,2026-10-05T21:00\n", "submitted.csv line 4: Ana already has a submission time (submitted.csv line 2); keep one." },
        { "student,submitted_at\n\"Doe, Jane,2026-10-05T20:00\n", "submitted.csv line 2: a quoted field is not closed." },
        { "student,submitted_at\nDoe \"JD\",2026-10-05T20:00\n", "submitted.csv line 2: a quote inside an unquoted field" },
        { "", "submitted.csv: empty; the first line names the columns student,submitted_at (and optionally assignment)." },
    };

    [Theory]
    [MemberData(nameof(MalformedSubmissions))]
    public void A_malformed_submissions_manifest_is_refused_with_its_line(string text, string message)
    {
        var files = new LateFiles(LateFiles.LateDays);
        File.WriteAllText(files.Submitted, text);
        Assert.StartsWith(message, Assert.Throws<InvalidDataException>(files.Rules).Message);
    }

    [Fact]
    public void Gradescope_metadata_without_a_time_is_refused()
    {
        var files = new LateFiles(LateFiles.LateDays);
        var metadata = Path.Combine(files.Folder, "submission_metadata.json");
        File.WriteAllText(metadata, """{ "id": 1, "users": [] }""");
        Assert.Equal("submission_metadata.json: no created_at (the submission time) in it.",
            Assert.Throws<InvalidDataException>(() => LateRules.Load(files.Course, null, [metadata])).Message);
    }

    public static TheoryData<string, string[], string> BadCommandLines() => new()
    {
        { "course", ["--course", "{course}", "--submitted", "{submitted}"], "dlcourse grade: course.json: late_policy.kind: \"grace\" is not none, penalty or late_days." },
        { "extensions", ["--course", "{course}", "--submitted", "{submitted}", "--extensions", "{extensions}"], "dlcourse grade: extensions.csv line 2: \"a9\" is not an assignment" },
        { "submitted", ["--course", "{course}", "--submitted", "{submitted}"], "dlcourse grade: submitted.csv line 2: \"yesterday\" is not a date and time" },
        { "no times", ["--course", "{course}"], "dlcourse grade: --course needs the submission times" },
        { "no course", ["--submitted", "{submitted}"], "dlcourse grade: --submitted and --extensions need --course" },
    };

    [Theory]
    [MemberData(nameof(BadCommandLines))]
    public void Grade_answers_a_malformed_file_with_exit_code_2_and_one_line(string bad, string[] options, string message)
    {
        var files = new LateFiles(bad == "course" ? """{ "kind": "grace" }""" : LateFiles.LateDays)
            .WithSubmitted(bad == "submitted" ? "ana,a1,yesterday" : "ana,a1,2026-10-05T20:00")
            .WithExtensions("ana,a9,2026-10-06T23:59");
        var subs = Directory.CreateDirectory(Path.Combine(files.Folder, "subs")).FullName;
        var arguments = options.Select(o => o.Replace("{course}", files.Course).Replace("{submitted}", files.Submitted).Replace("{extensions}", files.Extensions));

        var (code, output) = Repository.Run("dotnet", [Path.Combine(AppContext.BaseDirectory, "dlcourse.dll"), "grade",
            "--source", GradingFixture.InRepo, "--submissions", subs, "--out", Path.Combine(files.Folder, "out"), .. arguments]);

        Assert.True(code == 2, $"exit {code}: {output}");
        Assert.StartsWith(message, output.Trim());
        Assert.Single(output.Trim().Split('\n'));
        Assert.False(Directory.Exists(Path.Combine(files.Folder, "out")));
    }
}
