using System.Collections.Concurrent;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
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
        // The registry's TorchSharp, not Debian's libtorch 1.13 (training needs the student's LeNet: the solved runs below train).
        if (notebook == A4Q2) Assert.Contains("libtorch 2.", text);
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
        if (solved) Solve(notebook);
        notebook.Save(Path.Combine(packs.Machine.Home, copy));
        var released = Path.Combine(packs.Machine.Home, "a4", SelfCheck.ReleasedFolder, "a4-deep-networks");
        File.Copy(Path.Combine(released, "q2-cnn.ipynb"), Path.Combine(released, Path.GetFileName(copy)), overwrite: true);

        // A longer cell limit than the student's default (60 s): A4's training cells on a loaded 2-core machine, not a rule, are measured here.
        var (exit, output) = packs.Machine.Run($"./self-check --timeout 300 {copy["a4/".Length..]}", packs.Environment, "a4");
        Assert.True(output.Contains(line, StringComparison.Ordinal) && output.Contains(detail, StringComparison.Ordinal), output);
        Assert.True(exit == (solved ? 0 : 1), $"exit {exit}:\n{output}");
    }

    [Fact]
    public void The_autograder_zip_grades_A4_on_a_stand_in_for_Gradescope_s_Ubuntu_24_04_image()
    {
        // Debian 13's libstdc++ has GLIBCXX_3.4.32, as Ubuntu 24.04's does: setup.sh chooses TorchSharp 0.107.0 there.
        var home = packs.Machine.Home;
        var (exit, log) = Repository.Run("dotnet", [Repository.Tool, "gradescope", "--source", Path.Combine(Repository.Notebooks, "a4-deep-networks"),
            // A cell limit for the suite's load (a training cell that overran 300 s once was dropped from the solved run).
            "--out", Path.Combine(home, "autograder.zip"), "--timeout", "600"]);
        Assert.True(exit == 0, log);
        System.IO.Compression.ZipFile.ExtractToDirectory(Path.Combine(home, "autograder.zip"), Path.Combine(home, "autograder", "source"));
        foreach (var (name, solved) in new[] { ("solved", true), ("blank", false) })
        {
            var notebook = Notebook.Load(Path.Combine(home, A4Q2));
            if (solved) Solve(notebook);
            notebook.Save(Path.Combine(home, "uploads", name, "q2-cnn.ipynb"));
        }

        // Gradescope runs both as root, once setup.sh has built the image; submissions land flat in /autograder/submission.
        using var officialHost = LoopbackFileServer.Folder("/usr/share/datasets/fashion-mnist"); // its own, so the student's downloads count alone
        var (code, output) = packs.Machine.Run("""
            set -e
            export AUTOGRADER_ROOT=$HOME/autograder
            bash $AUTOGRADER_ROOT/source/setup.sh
            for upload in solved blank; do
              rm -rf $AUTOGRADER_ROOT/submission $AUTOGRADER_ROOT/results && mkdir -p $AUTOGRADER_ROOT/submission
              cp $HOME/uploads/$upload/*.ipynb $AUTOGRADER_ROOT/submission/
              bash $AUTOGRADER_ROOT/source/run_autograder
              cp -r $AUTOGRADER_ROOT/results $HOME/results-$upload
            done
            """, new Dictionary<string, string> { ["DLCOURSE_FASHION_MNIST_MIRROR"] = officialHost.Url.ToString() }, asAdministrator: true,
            // Building the image and grading twice (three runs of A4 Q2) took 3.5 min alone and over 5 beside the rest of the suite.
            timeout: TimeSpan.FromMinutes(12));
        Assert.True(code == 0, output[^Math.Min(6000, output.Length)..]);
        Assert.Contains("TorchSharp 0.107.0", output);

        var solvedResults = JsonNode.Parse(File.ReadAllText(Path.Combine(home, "results-solved", "results.json")))!;
        var blankResults = JsonNode.Parse(File.ReadAllText(Path.Combine(home, "results-blank", "results.json")))!;
        var q2 = (JsonNode results) => results["tests"]!.AsArray().Where(t => ((string?)t!["name"])!.Contains("q2-cnn", StringComparison.Ordinal)).ToList();
        // What the staff would read if the reference run failed (a worker killed under load has shown up here twice).
        var staffNotes = Path.Combine(home, "results-solved", "sandbox-notes.txt");
        Assert.True(q2(solvedResults).Count > 0 && q2(solvedResults).All(t => (double)t!["score"]! == (double)t["max_score"]!),
            solvedResults.ToJsonString() + (File.Exists(staffNotes) ? "\nstaff notes:\n" + File.ReadAllText(staffNotes) : ""));
        Assert.Equal(6, q2(solvedResults).Sum(t => (double)t!["max_score"]!)); // code tests only: the written answers are Gradescope's own questions
        Assert.Equal(0, q2(blankResults).Sum(t => (double)t!["score"]!));
        Assert.Contains("graded separately", solvedResults.ToJsonString());
        Assert.DoesNotContain("control group", solvedResults.ToJsonString() + blankResults.ToJsonString());
        // The data cells ran too: Fashion-MNIST from setup.sh's copy, LeNet-5 trained on the registry's libtorch.
        var executed = Directory.EnumerateFiles(Path.Combine(home, "results-solved"), "q2-cnn.ipynb", SearchOption.AllDirectories).Single();
        var text = File.ReadAllText(executed);
        // Once in a full-suite run the training cell's output was missing (it passes alone): say what the grader noted.
        var notes = string.Join("\n", Directory.EnumerateFiles(Path.Combine(home, "results-solved"), "*notes*", SearchOption.AllDirectories).Select(File.ReadAllText));
        Assert.True(text.Contains("libtorch 2.", StringComparison.Ordinal) && text.Contains("epoch   1", StringComparison.Ordinal),
            $"the solved A4 Q2 did not train on libtorch 2.x:\n{solvedResults["output"]}\n{notes}\n{string.Join("\n", Regex.Matches(text, "\"evalue\": \"[^\"]*\"").Select(m => m.Value))}");
    }

    /// <summary>A student's answers to A4 Q2: the output size, and LeNet-5 as a module (which the training cells then train).</summary>
    private static void Solve(Notebook notebook)
    {
        notebook.Cells.Single(c => GradingCell.Of(c).GradeId == "a4q2-impl").Source =
            "int ConvOutputSize(int n, int kernel, int padding, int stride)\n{\n    return (n + 2 * padding - kernel) / stride + 1;\n}";
        notebook.Cells.Single(c => GradingCell.Of(c).GradeId == "a4q2-module-impl").Source = """
            class LeNet : nn.Module<Tensor, Tensor>
            {
                private readonly Conv2d conv1 = nn.Conv2d(1, 6, 5, padding: 2), conv2 = nn.Conv2d(6, 16, 5);
                private readonly Linear fc1 = nn.Linear(400, 120), fc2 = nn.Linear(120, 84), fc3;

                public LeNet(int classes = 10) : base("LeNet")
                {
                    fc3 = nn.Linear(84, classes);
                    RegisterComponents();
                }

                public override Tensor forward(Tensor x)
                {
                    x = nn.functional.max_pool2d(conv1.call(x).relu(), 2);
                    x = nn.functional.max_pool2d(conv2.call(x).relu(), 2).flatten(1);
                    return fc3.call(fc2.call(fc1.call(x).relu()).relu());
                }
            }
            """;
    }
}
