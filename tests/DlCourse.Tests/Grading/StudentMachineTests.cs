using System.Collections.Concurrent;
using DlCourse.Cli.Grading;
using DlCourse.Cli.Notebooks;
using DlCourse.Tests.Support;

namespace DlCourse.Tests.Grading;

/// <summary>
/// Each assignment released on its own by <c>dlcourse release</c> and unpacked side by side in the home of a student
/// machine (<see cref="StudentMachine"/>), with a loopback stand-in for Fashion-MNIST's official host.
/// </summary>
public sealed class StudentPacks : IDisposable
{
    public static readonly string[] Assignments = ["a1-loss-functions", "a2-backprop-gradient-descent", "a3-linear-classifiers", "a4-deep-networks"];

    private readonly ConcurrentDictionary<string, Lazy<(string Executed, string Log)>> runs = new();
    private readonly string folder = Directory.CreateTempSubdirectory("dlcourse-packs-").FullName;

    public StudentPacks()
    {
        foreach (var assignment in Assignments)
        {
            var pack = Path.Combine(folder, assignment[..2]);
            var (exit, log) = Repository.Run("dotnet", [Repository.Tool, "release", Path.Combine(Repository.Notebooks, assignment), "--out", pack]);
            if (exit != 0) throw new InvalidOperationException($"dlcourse release {assignment} failed ({exit}): {log}");
            Machine.Unpack(pack + ".zip");
        }
    }

    public StudentMachine Machine { get; } = new();

    public LoopbackFileServer FashionMnistHost { get; } = LoopbackFileServer.Folder("/usr/share/datasets/fashion-mnist");

    /// <summary>The environment a student's notebook runs with: only the stand-in for Fashion-MNIST's host differs from a laptop.</summary>
    public IReadOnlyDictionary<string, string> Environment => new Dictionary<string, string> { ["DLCOURSE_FASHION_MNIST_MIRROR"] = FashionMnistHost.Url.ToString() };

    /// <summary>Runs a released notebook (a path under the home) with dotnet-repl in its own folder, once; returns the executed copy on this machine.</summary>
    public (string Executed, string Log) Run(string notebook) => runs.GetOrAdd(notebook, n => new(() =>
    {
        var output = $"{Path.GetFileNameWithoutExtension(n)}.out.ipynb";
        var (_, log) = Machine.Run($"{StudentMachine.ReplCommand} --run {Path.GetFileName(n)} --exit-after-run --output-path {StudentMachine.HomeInside}/{output}",
            Environment, Path.GetDirectoryName(n)!);
        return (Path.Combine(Machine.Home, output), log);
    })).Value;

    public void Dispose()
    {
        FashionMnistHost.Dispose();
        Machine.Dispose();
        Directory.Delete(folder, recursive: true);
    }
}

/// <summary>The packs on a student's machine newer than ours, where the registry's TorchSharp (libtorch 2.x) loads.</summary>
[Collection(LocalServers.Name)]
public class StudentMachineTests(StudentPacks packs) : IClassFixture<StudentPacks>
{
    private const string A4Q2 = "a4/a4-deep-networks/q2-cnn.ipynb";

    [Theory]
    [InlineData("a1/a1-loss-functions/q5-softmax-jacobian.ipynb")]
    [InlineData("a2/a2-backprop-gradient-descent/q4-logistic-regression-gd.ipynb")]
    [InlineData("a3/a3-linear-classifiers/q2-softmax-regression.ipynb")] // Fashion-MNIST, downloaded on first use
    [InlineData(A4Q2)] // TorchSharp from the registry, training on Fashion-MNIST
    public void Each_assignment_s_notebook_runs_under_dotnet_repl_with_only_its_stubs_failing(string notebook)
    {
        var (executed, log) = packs.Run(notebook);
        Assert.True(File.Exists(executed), $"dotnet-repl wrote no notebook: {log[^Math.Min(3000, log.Length)..]}");
        ReleasedNotebookRun.AssertOnlyStubsFail(notebook, executed);
        var text = File.ReadAllText(executed);
        if (notebook == A4Q2)
        {
            Assert.Contains("libtorch 2.", text); // the registry's TorchSharp, not Debian's libtorch 1.13
            Assert.Contains("epoch   1", text);
        }
    }

    [Fact]
    public void Fashion_MNIST_is_downloaded_once_into_the_student_s_cache()
    {
        packs.Run("a3/a3-linear-classifiers/q2-softmax-regression.ipynb");
        packs.Run(A4Q2);
        var cache = Path.Combine(packs.Machine.Home, ".cache", "dlcourse", "fashion-mnist");
        Assert.Equal(DlCourse.Data.FashionMnist.Files.Keys.Order(), Directory.EnumerateFiles(cache).Select(Path.GetFileName).Order());
        Assert.Equal(4, packs.FashionMnistHost.Requests);
    }

    [Fact]
    public void Every_native_library_TorchSharp_restored_resolves_on_the_student_machine()
    {
        packs.Run(A4Q2);
        // Inside the root: each native file of the restored TorchSharp and libtorch, with their own folders on the search path as TorchSharp's loader has them.
        var (exit, output) = packs.Machine.Run("""
            dirs=$(find ~/.nuget/packages -path '*linux-x64/native' -type d | tr '\n' ':')
            files=$(find ~/.nuget/packages -path '*linux-x64/native/*.so*' -type f)
            echo "checked $(echo "$files" | grep -c .)"
            for f in $files; do LD_LIBRARY_PATH="$dirs" ldd "$f" | sed "s|^|$f: |"; done | grep 'not found' || true
            """);
        Assert.Equal(0, exit);
        Assert.Matches(@"checked ([3-9]|\d\d+)", output);
        Assert.DoesNotContain("not found", output);
    }

    [Theory]
    [InlineData(false, "✗ fails  a4q2-lenet-sizes", "NotImplementedException")]
    [InlineData(true, "✓ passes a4q2-lenet-sizes", "2/2")]
    public void Self_check_on_the_student_machine_scores_A4_as_the_grader_does(bool solved, string line, string detail)
    {
        packs.Run(A4Q2); // a student runs the notebook before checking it: the packages and the data are in their caches
        var copy = $"a4/a4-deep-networks/self-check-{(solved ? "solved" : "blank")}.ipynb";
        var notebook = Notebook.Load(Path.Combine(packs.Machine.Home, A4Q2));
        if (solved)
            notebook.Cells.Single(c => GradingCell.Of(c).GradeId == "a4q2-impl").Source =
                "int ConvOutputSize(int n, int kernel, int padding, int stride)\n{\n    return (n + 2 * padding - kernel) / stride + 1;\n}";
        notebook.Save(Path.Combine(packs.Machine.Home, copy));
        var released = Path.Combine(packs.Machine.Home, "a4", SelfCheck.ReleasedFolder, "a4-deep-networks");
        File.Copy(Path.Combine(released, "q2-cnn.ipynb"), Path.Combine(released, Path.GetFileName(copy)), overwrite: true);

        var (exit, output) = packs.Machine.Run($"./self-check {copy["a4/".Length..]}", packs.Environment, "a4");
        Assert.True(output.Contains(line, StringComparison.Ordinal) && output.Contains(detail, StringComparison.Ordinal), output);
        Assert.Equal(solved ? 0 : 1, exit);
    }
}
