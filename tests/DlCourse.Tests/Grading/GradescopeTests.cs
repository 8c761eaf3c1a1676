using System.IO.Compression;
using System.Text.RegularExpressions;
using System.Text.Json.Nodes;
using DlCourse.Cli.Grading;
using DlCourse.Tests.Support;

namespace DlCourse.Tests.Grading;

[System.Runtime.Versioning.SupportedOSPlatform("linux")]
public class GradescopeTests
{

    [Fact]
    public void Zip_holds_the_scripts_the_build_sources_and_the_source_notebooks_only()
    {
        using var fx = new GradingFixture();
        var zipPath = Path.Combine(fx.Root, "autograder.zip");
        GradescopePackager.Build(GradingFixture.InRepo, zipPath, 30, 1024);

        using var zip = ZipFile.OpenRead(zipPath);
        var names = zip.Entries.Select(e => e.FullName).ToHashSet();
        Assert.Contains("setup.sh", names);
        Assert.Contains("run_autograder", names);
        Assert.Contains("DlCourse.Lib.csproj", names);
        Assert.Contains("Directory.Packages.props", names);
        Assert.Contains("tools/DlCourse.Cli/DlCourse.Cli.csproj", names);
        Assert.Contains("tools/DlCourse.Cli/Grading/Grader.cs", names);
        Assert.Contains("lib/Check.cs", names);
        Assert.Contains("tests/DlCourse.Tests/Grading/Fixtures/course/f1-fixture/q1-squares.ipynb", names);
        Assert.DoesNotContain(names, n => n.Split('/').Any(p => p is "bin" or "obj"));
        Assert.DoesNotContain(names, n => n.EndsWith(".cs") && n.StartsWith("tests/"));
        Assert.Equal(0b111_101_101, (zip.GetEntry("run_autograder")!.ExternalAttributes >> 16) & 0b111_111_111);

        var extracted = Path.Combine(fx.Root, "unzipped");
        zip.ExtractToDirectory(extracted);
        foreach (var script in new[] { "setup.sh", "run_autograder" })
        {
            var (code, output) = Repository.Run("bash", ["-n", Path.Combine(extracted, script)]);
            Assert.True(code == 0, $"{script}: {output}");
        }
        var run = File.ReadAllText(Path.Combine(extracted, "run_autograder"));
        Assert.Contains("grade --source \"$src/tests/DlCourse.Tests/Grading/Fixtures/course\" --submissions \"$root/submission\" --out \"$results\"", run);
        Assert.Contains("--written manual", run); // Gradescope grades written answers as its own questions

        GradescopePackager.Build(GradingFixture.InRepo, zipPath, 30, 1024, written: WrittenGrading.Autograder);
        using var counted = ZipFile.OpenRead(zipPath);
        Assert.Contains("--written autograder", new StreamReader(counted.GetEntry("run_autograder")!.Open()).ReadToEnd());
    }

    [Fact]
    public void Run_autograder_points_grade_at_the_Fashion_MNIST_copy_of_setup_sh()
    {
        using var fx = new GradingFixture();
        var root = Path.Combine(fx.Root, "autograder");
        var zipPath = Path.Combine(fx.Root, "autograder.zip");
        GradescopePackager.Build(GradingFixture.InRepo, zipPath, 30, 1024);
        ZipFile.ExtractToDirectory(zipPath, Path.Combine(root, "source"));
        var data = Directory.CreateDirectory(Path.Combine(root, "source", "data", "fashion-mnist")).FullName; // as setup.sh leaves it
        // A stand-in for the built tool: it records how grade was called.
        var fake = Path.Combine(fx.Root, "fake-dlcourse.sh");
        File.WriteAllText(fake, "printf '%s\\n' \"$*\" \"${DLCOURSE_FASHION_MNIST:-unset}\" > \"$AUTOGRADER_ROOT/called\"\n");

        var (code, output) = Repository.Run("bash", [Path.Combine(root, "source", "run_autograder")],
            new Dictionary<string, string> { ["AUTOGRADER_ROOT"] = root, ["DLCOURSE"] = $"bash {fake}" });

        Assert.True(code == 0, output);
        var called = File.ReadAllLines(Path.Combine(root, "called"));
        Assert.StartsWith("grade --source", called[0]);
        Assert.Equal(data, called[1]);
    }

    [Fact]
    public void Setup_sh_checks_Fashion_MNIST_against_the_librarys_sums()
    {
        using var fx = new GradingFixture();
        var zipPath = Path.Combine(fx.Root, "autograder.zip");
        GradescopePackager.Build(GradingFixture.InRepo, zipPath, 30, 1024);
        using var zip = ZipFile.OpenRead(zipPath);
        using var reader = new StreamReader(zip.GetEntry("setup.sh")!.Open());
        var sums = Regex.Matches(reader.ReadToEnd(), @"^([0-9a-f]{64})  (\S+\.gz)$", RegexOptions.Multiline)
            .ToDictionary(m => m.Groups[2].Value, m => m.Groups[1].Value);

        Assert.Equal(DlCourse.Data.FashionMnist.Files.OrderBy(f => f.Key), sums.OrderBy(f => f.Key));
    }
}

/// <summary>run_autograder end to end on the tool that the zip's own setup.sh built, as on Gradescope.</summary>
[System.Runtime.Versioning.SupportedOSPlatform("linux")]
public class GradescopeAutograderTests(GradescopeImage image) : IClassFixture<GradescopeImage>
{
    /// <summary>Solved: every test passes, the total is full marks, and the solutions were made unreadable to the worker.</summary>
    [Fact]
    public void Run_autograder_gives_a_solved_submission_full_marks()
    {
        var (tests, score, output) = image.Grade(GradingFixture.Correct);

        Assert.True(score == 7, output);
        Assert.Equal(5, tests.Count);
        Assert.All(tests, t => Assert.True((double)t["score"]! == (double)t["max_score"]!, $"{t["name"]}: {t["output"]}"));
        var sourceNotebook = Path.Combine(image.Root, "source", "tests/DlCourse.Tests/Grading/Fixtures/course/f1-fixture/q1-squares.ipynb");
        Assert.Equal((UnixFileMode)0b110_000_000, File.GetUnixFileMode(sourceNotebook));
    }

    /// <summary>Blank (the released stubs): every code test scores 0 out of its points.</summary>
    [Fact]
    public void Run_autograder_gives_a_blank_submission_zero()
    {
        var (tests, score, output) = image.Grade(new Dictionary<string, string>());

        Assert.True(score == 0, output);
        Assert.Equal(5, tests.Count);
        Assert.Equal(7, tests.Sum(t => (double)t["max_score"]!));
        Assert.All(tests, t => Assert.True((double)t["score"]! == 0, $"{t["name"]}: {t["output"]}"));
    }
}

/// <summary>
/// The fixture course's autograder zip unpacked as Gradescope's <c>/autograder</c> (<c>source/</c>, <c>submission/</c>,
/// <c>results/</c>) in a temporary folder and built once by its own setup.sh, offline (<c>DLCOURSE_OFFLINE=1</c>).
/// </summary>
[System.Runtime.Versioning.SupportedOSPlatform("linux")]
public sealed class GradescopeImage : IDisposable
{
    private readonly GradingFixture fx = new();

    public string Root => Path.Combine(fx.Root, "autograder");

    public GradescopeImage()
    {
        var zipPath = Path.Combine(fx.Root, "autograder.zip");
        GradescopePackager.Build(GradingFixture.InRepo, zipPath, 30, 1024);
        ZipFile.ExtractToDirectory(zipPath, Path.Combine(Root, "source"));
        var environment = new Dictionary<string, string>
        {
            ["AUTOGRADER_ROOT"] = Root,
            ["DLCOURSE_OFFLINE"] = "1",
            ["MSBUILDDISABLENODEREUSE"] = "1", // no build nodes left running after the test
        };
        // TorchSharp 0.99.6 comes from the repository's local feed where this machine has one (Directory.Build.props).
        var feed = Path.GetFullPath(Path.Combine(Repository.Root, "..", "shared", "nuget"));
        if (Directory.Exists(feed)) environment["DLCOURSE_NUGET_FEED"] = feed;

        var (code, output) = Repository.Run("bash", [Path.Combine(Root, "source", "setup.sh")], environment);
        if (code != 0) throw new InvalidOperationException($"setup.sh failed ({code}):\n{output[^Math.Min(4000, output.Length)..]}");
    }

    /// <summary>Uploads the released notebooks with <paramref name="answers"/> filled in, runs run_autograder, and reads results.json.</summary>
    public (List<JsonNode> Tests, double Score, string Output) Grade(IReadOnlyDictionary<string, string> answers)
    {
        var submission = Path.Combine(Root, "submission");
        var results = Path.Combine(Root, "results");
        foreach (var dir in new[] { submission, results, fx.Submissions })
            if (Directory.Exists(dir)) Directory.Delete(dir, recursive: true);
        // Gradescope puts the student's uploaded files straight into /autograder/submission.
        fx.Student("upload", answers);
        Directory.CreateDirectory(submission);
        foreach (var f in Directory.EnumerateFiles(Path.Combine(fx.Submissions, "upload"), "*.ipynb", SearchOption.AllDirectories))
            File.Copy(f, Path.Combine(submission, Path.GetFileName(f)));
        foreach (var d in Directory.EnumerateDirectories(Root, "*", SearchOption.AllDirectories).Append(Root))
            File.SetUnixFileMode(d, File.GetUnixFileMode(d) | (UnixFileMode)0b101_101); // the worker's user must reach the tool

        var (code, output) = Repository.Run("bash", [Path.Combine(Root, "source", "run_autograder")],
            new Dictionary<string, string> { ["AUTOGRADER_ROOT"] = Root });

        Assert.True(code == 0, output);
        var json = JsonNode.Parse(File.ReadAllText(Path.Combine(results, "results.json")))!;
        var tests = json["tests"]?.AsArray().Select(t => t!).ToList() ?? [];
        Assert.All(tests, t => Assert.True(t["name"] is not null && t["score"] is not null && t["max_score"] is not null, t.ToJsonString()));
        var score = (double)json["score"]!;
        Assert.Equal(score, tests.Sum(t => (double)t["score"]!));
        return (tests, score, $"{json.ToJsonString()}\n{output}");
    }

    public void Dispose() => fx.Dispose();
}
