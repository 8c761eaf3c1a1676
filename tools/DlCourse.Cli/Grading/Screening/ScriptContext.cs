using System.Collections.Concurrent;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;

namespace DlCourse.Cli.Grading.Screening;

/// <summary>
/// The chain of script compilations the kernel builds for a notebook: the kernel's default usings, then each cell
/// on top of the ones before, referencing the platform and whatever trusted cells <c>#r</c> (directly, or in a file they
/// <c>#load</c> or <c>#!import</c>),
/// so a student cell's symbols resolve as they will when it runs.
/// </summary>
internal sealed class ScriptContext
{
    // What CSharpKernel imports and UseKernelHelpers adds (display, HTML, …) before the first cell.
    private const string Prelude = "using System;\nusing System.Text;\nusing System.Collections;\nusing System.Collections.Generic;\n" +
                                   "using System.Threading.Tasks;\nusing System.Linq;\nusing static Microsoft.DotNet.Interactive.Kernel;\n";

    public static readonly CSharpParseOptions ParseOptions = new(LanguageVersion.Preview, kind: SourceCodeKind.Script);
    private static readonly CSharpCompilationOptions Options = new(OutputKind.DynamicallyLinkedLibrary, allowUnsafe: true,
        nullableContextOptions: NullableContextOptions.Disable);
    private static readonly ConcurrentDictionary<string, MetadataReference> Cache = new();
    private static readonly Lazy<IReadOnlyDictionary<string, string>> PlatformPaths = new(Platform);

    private readonly string directory;
    // Keyed by assembly name, so a #r'd library replaces the copy the grader itself happens to load.
    private readonly Dictionary<string, string> references;
    private CSharpCompilation? previous;
    private int cells;

    public ScriptContext(string notebookDirectory)
    {
        directory = notebookDirectory;
        references = new(PlatformPaths.Value, StringComparer.OrdinalIgnoreCase);
        previous = Compile(Prelude).Compilation;
    }

    /// <summary>Adds a cell from the source (or one that passed the screen): its <c>#r</c>, <c>#load</c> and <c>#!import</c> are honoured.</summary>
    public void AddTrusted(string code) => AddTrusted(code, directory, depth: 0);

    /// <summary>The compilation of <paramref name="code"/> as the next cell, without adding it to the chain.</summary>
    public (CSharpCompilation Compilation, SyntaxTree Tree) Compile(string code)
    {
        var tree = CSharpSyntaxTree.ParseText(code, ParseOptions, path: $"cell{cells + 1}.csx");
        var refs = references.Values.Select(p => Cache.GetOrAdd(p, f => MetadataReference.CreateFromFile(f)));
        var compilation = CSharpCompilation.CreateScriptCompilation($"Submission{cells}", tree, refs, Options, previous);
        return (compilation, tree);
    }

    private void AddTrusted(string code, string folder, int depth)
    {
        foreach (var (kind, argument) in Directives.Quoted(code))
        {
            if (argument.StartsWith("nuget:", StringComparison.OrdinalIgnoreCase))
            {
                // A pack restores TorchSharp from NuGet: compile against the copy the kernel restored into the cache.
                foreach (var assembly in NuGetCache.Assemblies(argument)) references[Path.GetFileNameWithoutExtension(assembly)] = assembly;
                continue;
            }
            var path = Path.GetFullPath(Path.Combine(folder, argument));
            if (kind == "#r" && File.Exists(path)) references[Path.GetFileNameWithoutExtension(path)] = path;
            else if (kind == "#load" && File.Exists(path) && depth < 8) AddTrusted(File.ReadAllText(path), Path.GetDirectoryName(path)!, depth + 1);
            // An imported file is a cell of its own, run in the kernel's folder: its #r paths start from the notebook's.
            else if (kind == Directives.Import && File.Exists(path) && depth < 8) AddTrusted(File.ReadAllText(path), directory, depth + 1);
        }
        // A cell that does not compile leaves no state in the kernel, and Roslyn cannot chain onto it either.
        var (compilation, tree) = Compile(Directives.Blank(code));
        if (!compilation.GetDiagnostics().Any(d => d.Severity == DiagnosticSeverity.Error)) previous = compilation;
        cells++;
    }

    /// <summary>Adds a student cell that passed the screen, as compiled.</summary>
    public void Add(CSharpCompilation compilation)
    {
        previous = compilation;
        cells++;
    }

    private static IReadOnlyDictionary<string, string> Platform()
    {
        var paths = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        foreach (var path in ((string?)AppContext.GetData("TRUSTED_PLATFORM_ASSEMBLIES") ?? "").Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries))
            if (path.EndsWith(".dll", StringComparison.OrdinalIgnoreCase)) paths.TryAdd(Path.GetFileNameWithoutExtension(path), path);
        return paths;
    }
}
