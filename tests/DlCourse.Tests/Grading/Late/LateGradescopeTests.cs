using System.IO.Compression;
using System.Text.Json.Nodes;
using DlCourse.Cli.Grading;
using DlCourse.Cli.Grading.Late;
using DlCourse.Tests.Support;

namespace DlCourse.Tests.Grading.Late;

/// <summary>The late policy on Gradescope: its files travel in the zip, run_autograder passes them with submission_metadata.json, results.json applies them.</summary>
[System.Runtime.Versioning.SupportedOSPlatform("linux")]
public class LateGradescopeTests
{
    private static LateFiles Files() => new LateFiles(LateFiles.LateDays, """
        "a0": { "due": "2026-10-05T23:59" },
        "f1-fixture": { "due": "2026-10-12T23:59" }
        """).WithExtensions("jane@example.edu,f1-fixture,2026-10-13T23:59").WithSubmitted("jane@example.edu,a0,2026-10-07T12:00");

    private static void Metadata(string path, string createdAt) => File.WriteAllText(path, $$"""
        { "id": 1, "created_at": "{{createdAt}}", "submission_method": "upload",
          "users": [ { "email": "jane@example.edu", "id": 7, "name": "Jane Doe" } ] }
        """);

    [Fact]
    public void The_zip_carries_the_policy_files_and_run_autograder_passes_them_with_the_submission_metadata()
    {
        using var fx = new GradingFixture();
        var files = Files();
        var zipPath = Path.Combine(fx.Root, "autograder.zip");
        GradescopePackager.Build(GradingFixture.InRepo, zipPath, 30, 1024, late: new GradescopeLateFiles(files.Course, files.Extensions, files.Submitted));
        var root = Path.Combine(fx.Root, "autograder");
        ZipFile.ExtractToDirectory(zipPath, Path.Combine(root, "source"));
        var policy = Path.Combine(root, "source", "course-policy");
        Assert.Equal(File.ReadAllText(files.Course), File.ReadAllText(Path.Combine(policy, "course.json")));
        Assert.True(File.Exists(Path.Combine(policy, "extensions.csv")) && File.Exists(Path.Combine(policy, "submitted.csv")));

        var fake = Path.Combine(fx.Root, "fake-dlcourse.sh");
        File.WriteAllText(fake, "printf '%s\\n' \"$@\" > \"$AUTOGRADER_ROOT/called\"\n");
        var (code, output) = Repository.Run("bash", [Path.Combine(root, "source", "run_autograder")],
            new Dictionary<string, string> { ["AUTOGRADER_ROOT"] = root, ["DLCOURSE"] = $"bash {fake}" });

        Assert.True(code == 0, output);
        var called = string.Join(" ", File.ReadAllLines(Path.Combine(root, "called")));
        Assert.Contains($"--course {policy}/course.json --submitted {root}/submission_metadata.json --submitted {policy}/submitted.csv --extensions {policy}/extensions.csv", called);
        Assert.Equal((UnixFileMode)0b111_000_000, File.GetUnixFileMode(policy) & (UnixFileMode)0b111_111_111); // other students' dates stay the staff's

        // Without a course file the autograder grades as before.
        GradescopePackager.Build(GradingFixture.InRepo, zipPath, 30, 1024);
        using var zip = ZipFile.OpenRead(zipPath);
        Assert.DoesNotContain(zip.Entries, e => e.FullName.StartsWith("course-policy/"));
    }

    [Fact]
    public void A_policy_file_grade_would_refuse_is_refused_when_the_zip_is_built()
    {
        using var fx = new GradingFixture();
        var files = new LateFiles(LateFiles.Penalty); // assignments a1..a3 only
        var zipPath = Path.Combine(fx.Root, "autograder.zip");
        var e = Assert.Throws<InvalidDataException>(() => GradescopePackager.Build(GradingFixture.InRepo, zipPath, 30, 1024, late: new GradescopeLateFiles(files.Course)));
        Assert.StartsWith("course.json gives no due date for f1-fixture", e.Message);
        File.WriteAllText(files.Course, "{");
        Assert.StartsWith("course.json: not valid JSON", Assert.Throws<InvalidDataException>(() =>
            GradescopePackager.Build(GradingFixture.InRepo, zipPath, 30, 1024, late: new GradescopeLateFiles(files.Course))).Message);
        Assert.False(File.Exists(zipPath));
    }

    [Fact]
    public async Task Graded_as_run_autograder_grades_results_json_spends_the_budget_left_after_earlier_assignments()
    {
        using var fx = new GradingFixture();
        fx.Student("upload", GradingFixture.Correct);
        var files = Files();
        var metadata = Path.Combine(fx.Root, "submission_metadata.json");
        Metadata(metadata, "2026-10-15T10:00:00.123456+02:00"); // two days after her extension; A0 took two of her three days
        var late = LateRules.Load(files.Course, files.Extensions, [metadata, files.Submitted]);
        var options = new GradeOptions(fx.Source, Path.Combine(fx.Submissions, "upload"), fx.Out, Jobs: 1, Single: true,
            Written: WrittenGrading.Manual, Late: late);

        var result = Assert.Single(await new Grader(new StandInExecutor(), options).GradeAllAsync());

        Assert.Equal((7.0, 0.0), (result.Score, result.FinalScore));
        var json = JsonNode.Parse(File.ReadAllText(Path.Combine(fx.Out, "results.json")))!;
        Assert.Equal(0, (double)json["score"]!);
        Assert.StartsWith("f1-fixture: due 2026-10-13 23:59:00 +02:00 (Europe/Berlin), your extension, handed in 2026-10-15 10:00:00.123456 +02:00: " +
            "2 days late: 1 late day used, 0 of 3 left; 1 day past the budget: 100% late penalty (100% per day past the budget, at most 100%); 7 − 7 = 0 points.",
            (string)json["output"]!);
    }

    [Fact]
    public void Grade_reads_every_submitted_file_given()
    {
        var files = Files();
        var second = Path.Combine(files.Folder, "more.csv");
        File.WriteAllText(second, "student,submitted_at\nana,later\n");
        var (code, output) = Repository.Run("dotnet", [Path.Combine(AppContext.BaseDirectory, "dlcourse.dll"), "grade",
            "--source", GradingFixture.InRepo, "--submissions", files.Folder, "--out", Path.Combine(files.Folder, "out"),
            "--course", files.Course, "--submitted", files.Submitted, "--submitted", second]);
        Assert.True(code == 2, output);
        Assert.StartsWith("dlcourse grade: more.csv line 2: \"later\" is not a date and time", output.Trim());
    }
}
