using System.IO.Compression;
using System.Text.Json.Nodes;
using DlCourse.Cli.Grading;
using DlCourse.Tests.Support;

namespace DlCourse.Tests.Grading;

[System.Runtime.Versioning.SupportedOSPlatform("linux")]
public class GradescopeTests
{
    private static string FixtureInRepo => Path.Combine(Repository.Root, "tests", "DlCourse.Tests", "Grading", "Fixtures", "course");

    [Fact]
    public void Zip_holds_the_scripts_the_build_sources_and_the_source_notebooks_only()
    {
        using var fx = new GradingFixture();
        var zipPath = Path.Combine(fx.Root, "autograder.zip");
        GradescopePackager.Build(FixtureInRepo, zipPath, 30, 1024);

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
    }

    [Fact]
    public void Run_autograder_grades_a_gradescope_submission_into_results_json()
    {
        using var fx = new GradingFixture();
        var zipPath = Path.Combine(fx.Root, "autograder.zip");
        GradescopePackager.Build(FixtureInRepo, zipPath, 30, 1024);
        var autograder = Path.Combine(fx.Root, "autograder");
        ZipFile.ExtractToDirectory(zipPath, Path.Combine(autograder, "source"));
        // Gradescope puts the student's uploaded files straight into /autograder/submission.
        fx.Student("upload", GradingFixture.Correct);
        Directory.CreateDirectory(Path.Combine(autograder, "submission"));
        foreach (var f in Directory.EnumerateFiles(Path.Combine(fx.Submissions, "upload"), "*.ipynb", SearchOption.AllDirectories))
            File.Copy(f, Path.Combine(autograder, "submission", Path.GetFileName(f)));
        foreach (var d in Directory.EnumerateDirectories(autograder, "*", SearchOption.AllDirectories).Append(autograder))
            File.SetUnixFileMode(d, (UnixFileMode)0b111_101_101);

        var dlcourse = Path.Combine(AppContext.BaseDirectory, "dlcourse.dll");
        var (code, output) = Repository.Run("bash", [Path.Combine(autograder, "source", "run_autograder")],
            new Dictionary<string, string> { ["AUTOGRADER_ROOT"] = autograder, ["DLCOURSE"] = $"dotnet {dlcourse}" });

        Assert.True(code == 0, output);
        var results = JsonNode.Parse(File.ReadAllText(Path.Combine(autograder, "results", "results.json")))!;
        Assert.True(7 == (double)results["score"]!, output);
        Assert.Equal(5, results["tests"]!.AsArray().Count);
        var sourceNotebook = Path.Combine(autograder, "source", "tests/DlCourse.Tests/Grading/Fixtures/course/f1-fixture/q1-squares.ipynb");
        Assert.Equal((UnixFileMode)0b110_000_000, File.GetUnixFileMode(sourceNotebook)); // solutions unreadable to the worker's user
    }
}
