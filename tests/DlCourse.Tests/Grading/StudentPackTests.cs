using System.IO.Compression;
using System.Text.Json.Nodes;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using DlCourse.Cli.Grading;
using DlCourse.Cli.Grading.Screening;
using DlCourse.Cli.Notebooks;
using DlCourse.Tests.Support;

namespace DlCourse.Tests.Grading;

/// <summary>The course released once, then unpacked from its zip into a folder outside the repository.</summary>
public sealed class ReleasedCourse
{
    public ReleasedCourse()
    {
        // `dlcourse release` as the instructor runs it: the pack carries the tool's own build (the test host's folder
        // holds other versions of some of its assemblies).
        var root = Directory.CreateTempSubdirectory("dlcourse-pack-").FullName;
        var folder = Path.Combine(root, "release");
        var (exit, log) = Repository.Run("dotnet", [Repository.Tool, "release", Repository.Notebooks, "--out", folder]);
        if (exit != 0) throw new InvalidOperationException($"dlcourse release failed ({exit}): {log}");
        Pack = new PackResult(folder, folder + ".zip", Directory.EnumerateFiles(folder, "*.ipynb", SearchOption.AllDirectories).ToList());
        var elsewhere = Directory.CreateTempSubdirectory("dlcourse-unpacked-").FullName;
        ZipFile.ExtractToDirectory(Pack.Zip, elsewhere);
        Unpacked = Path.Combine(elsewhere, "release");
    }

    internal PackResult Pack { get; }

    public string Unpacked { get; }
}

/// <summary>A student pack works on its own: from anywhere, with what it carries, and without any model answer.</summary>
public class StudentPackTests(ReleasedCourse course) : IClassFixture<ReleasedCourse>
{
    [Fact]
    public void The_zip_holds_the_folder_and_lies_outside_the_repository()
    {
        static string[] Files(string root) => Directory.EnumerateFiles(root, "*", SearchOption.AllDirectories)
            .Select(f => Path.GetRelativePath(root, f)).Order(StringComparer.Ordinal).ToArray();
        Assert.Equal(Files(course.Pack.Folder), Files(course.Unpacked));
        Assert.False(course.Unpacked.StartsWith(Repository.Root, StringComparison.Ordinal));
        var notebooks = Directory.EnumerateFiles(course.Unpacked, "*.ipynb", SearchOption.AllDirectories).Select(f => Path.GetRelativePath(course.Unpacked, f)).ToList();
        Assert.Equal(25, notebooks.Count(n => !n.StartsWith('.')));
        Assert.Equal(25, notebooks.Count(n => n.StartsWith(SelfCheck.ReleasedFolder, StringComparison.Ordinal))); // self-check's pristine copies
    }

    [Fact]
    public void Every_loader_and_assembly_the_notebooks_name_is_inside_the_pack()
    {
        foreach (var path in Directory.EnumerateFiles(course.Unpacked, "*.ipynb", SearchOption.AllDirectories))
        {
            var loads = Notebook.Load(path).Cells.Where(c => c.Kind == CellKind.Code).SelectMany(c => Directives.Quoted(c.Source)).ToList();
            Assert.Contains(loads, d => d.Kind == Directives.Import);
            foreach (var (kind, argument) in loads.Where(d => !d.Argument.StartsWith("nuget:", StringComparison.Ordinal)))
            {
                var loader = Path.GetFullPath(Path.Combine(Path.GetDirectoryName(path)!, argument));
                Assert.True(loader.StartsWith(course.Unpacked + Path.DirectorySeparatorChar, StringComparison.Ordinal) && File.Exists(loader), $"{path}: {kind} {argument}");
                var references = Directives.Quoted(File.ReadAllText(loader)).Where(d => d.Kind == "#r" && !d.Argument.StartsWith("nuget:", StringComparison.Ordinal)).ToList();
                Assert.Contains(references, r => r.Argument.EndsWith("DlCourse.Lib.dll", StringComparison.Ordinal));
                foreach (var (_, assembly) in references)
                {
                    // An imported loader runs as a cell: its paths start from the notebook's folder.
                    var file = Path.GetFullPath(Path.Combine(Path.GetDirectoryName(path)!, assembly));
                    Assert.True(file.StartsWith(course.Unpacked, StringComparison.Ordinal) && File.Exists(file), $"{loader}: #r {assembly}");
                }
            }
        }
        // No native library travels: TorchSharp and libtorch come from NuGet for the student's platform, at the registry's release.
        var natives = Directory.EnumerateFiles(course.Unpacked, "*", SearchOption.AllDirectories)
            .Where(f => f.EndsWith(".so", StringComparison.Ordinal) || f.Contains(".so.", StringComparison.Ordinal) || f.EndsWith(".dylib", StringComparison.Ordinal)
                        || (f.EndsWith(".dll", StringComparison.Ordinal) && !IsManaged(f))).ToList();
        Assert.True(natives.Count == 0, string.Join("\n", natives));
        Assert.False(File.Exists(Path.Combine(course.Unpacked, "lib", "TorchSharp.dll")));
        var version = System.Xml.Linq.XDocument.Load(Path.Combine(Repository.Root, "Directory.Build.props")).Descendants("PackTorchSharpVersion").Single().Value;
        foreach (var path in course.Pack.Notebooks)
            Assert.Equal("#!import \"../course.csx\"", Notebook.Load(path).Cells.First(c => c.Kind == CellKind.Code).Source.Split('\n')[0]);
        var loaderLines = File.ReadAllLines(Path.Combine(course.Unpacked, "course.csx")).Select(l => l.Trim()).ToList();
        Assert.True(loaderLines.IndexOf($"#r \"nuget: TorchSharp-cpu, {version}\"") is >= 0 and var at
                    && at < loaderLines.FindIndex(l => l.EndsWith("DlCourse.Lib.dll\"", StringComparison.Ordinal)),
            $"the pack's course.csx restores TorchSharp-cpu {version} before referencing the library:\n{string.Join('\n', loaderLines)}");
        Assert.Equal(File.ReadAllText(Path.Combine(Repository.Notebooks, "a4-deep-networks", "full-profile", "q1-mlp-tuning.json")),
            File.ReadAllText(Path.Combine(course.Unpacked, "a4-deep-networks", "full-profile", "q1-mlp-tuning.json"))); // the record A4 Q1 shows
    }

    [Fact]
    public void No_file_in_the_pack_holds_a_solution_model_answer_or_hidden_test()
    {
        var secret = new HashSet<string>(StringComparer.Ordinal);
        var open = new HashSet<string>(StringComparer.Ordinal);
        foreach (var (path, _) in NotebookPaths.Expand([Repository.Notebooks]))
        {
            var source = Notebook.Load(path);
            var (s, p) = ReleaseTests.Split(source);
            secret.UnionWith(s);
            open.UnionWith(p);
            // Rubrics are for the grader's eyes only.
            foreach (var cell in source.Cells)
                if ((string?)cell.Metadata["dlcourse"]?["rubric"] is { } rubric)
                    secret.UnionWith(rubric.Split('\n').Select(l => l.Trim()).Where(l => l.Length > 0));
        }
        secret.ExceptWith(open);
        // A line a released cell shows inside a longer one (a loop header before its body) is no secret either.
        var openText = string.Join('\n', open);
        secret.RemoveWhere(l => openText.Contains(l, StringComparison.Ordinal));
        Assert.True(secret.Count > 300, $"only {secret.Count} secret lines: the scan would prove little");
        var leaks = new List<string>();
        foreach (var file in Directory.EnumerateFiles(course.Unpacked, "*", SearchOption.AllDirectories)
                     .Where(f => Path.GetExtension(f) is ".ipynb" or ".csx" or ".md" or ".xml" or ".json" or ".txt"))
        {
            var text = File.ReadAllText(file);
            if (file.EndsWith(".ipynb", StringComparison.Ordinal)) // as the student reads it, unescaped: sources and metadata
                text = string.Join('\n', Notebook.Load(file).Cells.SelectMany(c => new[] { c.Source }.Concat(Strings(c.Metadata))));
            var lines = text.Split('\n').Select(l => l.Trim()).ToHashSet(StringComparer.Ordinal);
            leaks.AddRange(secret.Where(l => lines.Contains(l) || (l.Length >= 30 && text.Contains(l, StringComparison.Ordinal)))
                .Select(l => $"{Path.GetRelativePath(course.Unpacked, file)}: {l}"));
        }
        Assert.True(leaks.Count == 0, string.Join("\n", leaks.Take(20)));
    }

    // What the course asks students to write, as the library once computed it: none of it may be in the student's build.
    private static readonly string[] AnswerTypes = ["DlCourse.Numerics.KlDivergence", "DlCourse.Numerics.BinaryCrossEntropy"];
    private static readonly (string Type, string Member)[] AnswerMembers =
    [
        ("DlCourse.Numerics.StableSoftmax", "Jacobian"),
        ("DlCourse.Derivations.LogisticModelLoss", "Gradient"),
        ("DlCourse.Derivations.LogisticModelLoss", "SampleSlope"),
        ("DlCourse.Derivations.SoftmaxRegressionLoss", "Gradient"),
        ("DlCourse.Models.LinearRegression", "FitNormalEquations"),
        ("DlCourse.Numerics.CrossEntropyWithLogits", "Gradient"),
        ("DlCourse.Numerics.CrossEntropyWithLogits", "ValueAndGradient"),
        ("DlCourse.Numerics.BinaryCrossEntropyWithLogits", "Gradient"),
        ("DlCourse.Numerics.MeanSquaredError", "Gradient"),
        ("DlCourse.Numerics.L2Penalty", "Gradient"),
        ("DlCourse.Numerics.Entropy", "Gradient"),
    ];
    // Answer formulas as the library's XML docs once stated them, which VS Code shows as tooltips.
    private static readonly string[] AnswerFormulas =
        ["diag(", "∂L/∂z", "∂L/∂ŷ", "∇_W", "∇_w", "Ŷ − Y", "σ(1 − σ)", "m̂", "XᵀX", "−p_k", "δ⁽", "max z", "z ≈ 710", "W − 1 − x", "softplus(z) − y", "adds λw", "adds λW"];

    [Fact]
    public void The_pack_s_library_implements_no_answer_and_its_docs_state_no_answer_formula()
    {
        var dll = Path.Combine(course.Unpacked, "lib", PackLibrary.Assembly);
        using var stream = File.OpenRead(dll);
        using var pe = new System.Reflection.PortableExecutable.PEReader(stream);
        var metadata = System.Reflection.Metadata.PEReaderExtensions.GetMetadataReader(pe);
        var members = new Dictionary<string, HashSet<string>>(StringComparer.Ordinal);
        foreach (var handle in metadata.TypeDefinitions)
        {
            var type = metadata.GetTypeDefinition(handle);
            var name = $"{metadata.GetString(type.Namespace)}.{metadata.GetString(type.Name)}";
            members[name] = type.GetMethods().Select(m => metadata.GetString(metadata.GetMethodDefinition(m).Name)).ToHashSet(StringComparer.Ordinal);
        }
        Assert.Contains("Apply", members["DlCourse.Numerics.StableSoftmax"]); // the reader sees the library's members
        Assert.Contains("Hessian", members["DlCourse.Derivations.LogisticModelLoss"]);
        Assert.Contains("Backward", members["DlCourse.Autodiff.Node"]); // the models' gradients come from reverse mode
        Assert.DoesNotContain(AnswerTypes, members.ContainsKey);
        Assert.DoesNotContain(AnswerMembers, a => members[a.Type].Contains(a.Member));

        var docs = File.ReadAllText(Path.ChangeExtension(dll, ".xml"));
        Assert.Contains("<member name=\"T:DlCourse.Numerics.StableSoftmax\">", docs);
        Assert.DoesNotContain(AnswerFormulas, f => docs.Contains(f, StringComparison.Ordinal));
    }

    // A notebook on the classic models (MathNet, Plotly), among the quicker ones; TorchSharp's release loads only on a newer
    // system than this one, so the A4 notebooks run from a pack in StudentMachineTests.
    [Theory]
    [InlineData("a1-loss-functions/q5-softmax-jacobian.ipynb")]
    public void A_released_notebook_runs_from_the_unpacked_pack_under_dotnet_repl(string relative)
    {
        var notebook = Path.Combine(course.Unpacked, relative);
        var output = Path.Combine(Path.GetDirectoryName(course.Unpacked)!, Path.GetFileNameWithoutExtension(relative) + ".out.ipynb");
        // Started in the notebook's folder as VS Code does, outside the repository, so the repository's tool manifest is out of reach.
        var (_, log) = Repository.Run("dotnet", [Repository.DotnetRepl, "--run", notebook, "--exit-after-run", "--output-path", output],
            new Dictionary<string, string> { ["DLCOURSE_PROFILE"] = "fast" }, Path.GetDirectoryName(notebook));
        Assert.True(File.Exists(output), $"dotnet-repl wrote no notebook: {log[^Math.Min(2000, log.Length)..]}");

        ReleasedNotebookRun.AssertOnlyStubsFail(relative, output);
        // This Debian 12 machine cannot load the registry's libtorch 2.10: the first cell says why and where it would run,
        // with no apt-get advice (no package would help), and the notebook, which needs no TorchSharp, runs on.
        var libstdcxx = File.ReadAllBytes("/usr/lib/x86_64-linux-gnu/libstdc++.so.6");
        if (libstdcxx.AsSpan().IndexOf("GLIBCXX_3.4.32\0"u8) < 0)
        {
            var first = JsonNode.Parse(File.ReadAllText(output))!["cells"]!.AsArray().First(c => (string?)c!["cell_type"] == "code")!["outputs"]!.ToJsonString();
            Assert.Contains("GLIBCXX_3.4.32", first);
            Assert.Contains("Ubuntu 24.04", first);
            Assert.DoesNotContain("apt-get", first);
        }
    }

    [Theory]
    [InlineData("stub", null, 1, "✗ fails  a1q5-jacobian-check", "NotImplementedException")]
    [InlineData("library", "Matrix<double> SoftmaxJacobian(double[] z)\n{\n    return FiniteDifferences.Jacobian(StableSoftmax.Apply, z);\n}", 1, "✗ fails  a1q5-jacobian-check", "write the answer yourself")]
    [InlineData("solved", "Matrix<double> SoftmaxJacobian(double[] z)\n{\n    var p = StableSoftmax.Apply(z);\n    return Matrix<double>.Build.Dense(z.Length, z.Length, (k, j) => p[k] * ((k == j ? 1 : 0) - p[j]));\n}", null, "✓ passes a1q5-jacobian-check", "3/3")]
    public void Self_check_in_the_unpacked_pack_grades_the_visible_tests_as_the_grader_does(string name, string? code, int? exitCode, string line, string detail)
    {
        // A pack of its own: this test edits a notebook.
        var elsewhere = Directory.CreateTempSubdirectory($"dlcourse-self-check-{name}-").FullName;
        ZipFile.ExtractToDirectory(course.Pack.Zip, elsewhere);
        var notebook = Path.Combine(elsewhere, "release", "a1-loss-functions", "q5-softmax-jacobian.ipynb");
        if (code is not null)
        {
            var edited = Notebook.Load(notebook);
            edited.Cells.Single(c => GradingCell.Of(c).GradeId == "a1q5-impl").Source = code;
            edited.Save(notebook);
        }
        var (exit, output) = Repository.Run("dotnet", [Path.Combine(elsewhere, "release", "tool", "dlcourse.dll"), "self-check", notebook],
            new Dictionary<string, string> { ["NO_COLOR"] = "1" }, Path.GetDirectoryName(notebook));
        if (exitCode is { } expected) Assert.True(exit == expected, $"exit {exit}:\n{output}");
        Assert.True(output.Contains(line, StringComparison.Ordinal) && output.Contains(detail, StringComparison.Ordinal), output);
        Assert.DoesNotContain("a1q5-jacobian-properties", output); // the hidden test is not in the pack
    }

    [Fact]
    public void Self_check_outside_a_pack_says_what_it_needs()
    {
        var (exit, output) = Repository.Run("dotnet", [Path.Combine(course.Unpacked, "tool", "dlcourse.dll"), "self-check",
            Path.Combine(Repository.Notebooks, "a1-loss-functions", "q5-softmax-jacobian.ipynb")]);
        Assert.Equal(2, exit);
        Assert.Contains("not inside a student pack", output);
    }

    [Fact]
    public void One_assignment_or_one_notebook_releases_alone_with_the_loader_above_it()
    {
        var root = Repository.TempFolder("pack");
        var a2 = StudentPack.Write([Path.Combine(Repository.Notebooks, "a2-backprop-gradient-descent")], Path.Combine(root, "a2"));
        Assert.Equal(8, a2.Notebooks.Count);
        Assert.All(a2.Notebooks, n => Assert.StartsWith(Path.Combine(a2.Folder, "a2-backprop-gradient-descent") + "/", n));
        Assert.True(File.Exists(Path.Combine(a2.Folder, "course.csx")));
        Assert.Empty(Directory.EnumerateDirectories(a2.Folder, "a1-*"));
        Assert.True(File.Exists(Path.Combine(a2.Folder, SelfCheck.ReleasedFolder, "a2-backprop-gradient-descent", "q1-softmax-decision-regions.ipynb")));

        var single = StudentPack.Write([Path.Combine(Repository.Notebooks, "a1-loss-functions", "q2-binary-cross-entropy.ipynb")], Path.Combine(root, "q2"));
        Assert.Equal(Path.Combine(single.Folder, "a1-loss-functions", "q2-binary-cross-entropy.ipynb"), Assert.Single(single.Notebooks));
        Assert.True(File.Exists(Path.Combine(single.Folder, "course.csx")));
    }

    [Fact]
    public void A_loader_that_is_loaded_or_imported_from_different_depths_is_refused_before_anything_is_built()
    {
        var root = Repository.TempFolder("pack-loaders");
        File.WriteAllText(Path.Combine(root, "course.csx"), "#r \"../lib/DlCourse.Lib.dll\"\n");
        void At(string relative, string firstCell)
        {
            Directory.CreateDirectory(Path.GetDirectoryName(Path.Combine(root, relative))!);
            TestNotebook.Create(firstCell).Save(Path.Combine(root, relative));
        }
        At("a1/q1.ipynb", "#load \"../course.csx\"");
        var loaded = Assert.Throws<PackException>(() => StudentPack.Write([Path.Combine(root, "a1")], Path.Combine(root, "out")));
        Assert.Contains("#!import \"../course.csx\"", loaded.Message);

        At("a1/q1.ipynb", "#!import \"../course.csx\"");
        At("a2/deeper/q1.ipynb", "#!import \"../../course.csx\"");
        var depths = Assert.Throws<PackException>(() => StudentPack.Write([Path.Combine(root, "a1"), Path.Combine(root, "a2")], Path.Combine(root, "out")));
        Assert.Contains("different depths", depths.Message);
        Assert.False(Directory.Exists(Path.Combine(root, "out")));
    }

    [Fact]
    public void Release_replaces_an_earlier_release_but_never_another_folder()
    {
        var root = Repository.TempFolder("pack");
        var other = Path.Combine(root, "thesis");
        Directory.CreateDirectory(other);
        File.WriteAllText(Path.Combine(other, "chapter1.tex"), "precious");
        var assignment = Path.Combine(Repository.Notebooks, "a1-loss-functions");
        Assert.Throws<PackException>(() => StudentPack.Write([Repository.Notebooks], other));
        Assert.Equal("precious", File.ReadAllText(Path.Combine(other, "chapter1.tex")));

        var release = Path.Combine(root, "release");
        StudentPack.Write([Repository.Notebooks], release);
        File.WriteAllText(Path.Combine(release, "stale.txt"), "from an earlier release");
        StudentPack.Write([Repository.Notebooks], release);
        Assert.False(File.Exists(Path.Combine(release, "stale.txt")));
        Assert.True(File.Exists(Path.Combine(release, "course.csx")));
        Assert.True(Directory.Exists(assignment));
    }

    private static bool IsManaged(string file)
    {
        try { System.Reflection.AssemblyName.GetAssemblyName(file); return true; }
        catch (BadImageFormatException) { return false; }
    }

    private static IEnumerable<string> Strings(JsonNode? node) => node switch
    {
        JsonObject o => o.SelectMany(p => Strings(p.Value)),
        JsonArray a => a.SelectMany(Strings),
        JsonValue v when v.TryGetValue(out string? s) => [s],
        _ => [],
    };
}
