using System.Diagnostics;
using System.Text.Json.Nodes;

namespace DlCourse.Cli.Grading;

/// <summary>The library as a student pack carries it: built against the registry's current TorchSharp, which the pack's notebooks restore from NuGet.</summary>
/// <param name="Files">What goes into the pack's <c>lib/</c>: the library (assembly and XML docs) and the managed assemblies of its other packages.</param>
/// <param name="TorchSharp">The NuGet package and version a pack's notebook restores for TorchSharp, native side included.</param>
internal sealed record PackLibrary(IReadOnlyList<string> Files, (string Id, string Version) TorchSharp)
{
    public const string Assembly = "DlCourse.Lib.dll";
    public const string Project = "DlCourse.Lib.csproj";

    // The kernel brings its own copies of these; a second copy would split the notebook's types in two.
    private static readonly HashSet<string> HostPackages = new(StringComparer.Ordinal) { "FSharp.Core", "Microsoft.DotNet.Interactive.Formatting" };

    /// <summary>
    /// Builds the library with <c>-p:DlCoursePack=true</c> (into artifacts/pack-lib/) from <paramref name="project"/> and
    /// copies what a pack carries into <paramref name="lib"/>, holding a lock so that concurrent releases see whole files.
    /// </summary>
    public static PackLibrary Build(string project, string lib)
    {
        var repo = Path.GetDirectoryName(project)!;
        var built = Path.Combine(repo, "artifacts", "pack-lib");
        Directory.CreateDirectory(built);
        using var gate = Lock(Path.Combine(built, ".release.lock"));
        var start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, WorkingDirectory = repo };
        foreach (var a in new[] { "build", project, "-p:DlCoursePack=true", "-nologo", "-v:q", "-clp:ErrorsOnly" }) start.ArgumentList.Add(a);
        using var build = Process.Start(start) ?? throw new PackException("could not start `dotnet build` for the pack's library.");
        var output = build.StandardOutput.ReadToEndAsync();
        var errors = build.StandardError.ReadToEnd();
        build.WaitForExit();
        if (build.ExitCode != 0)
            throw new PackException($"building the pack's library failed (dotnet build {Project} -p:DlCoursePack=true):\n{output.Result.Trim()}\n{errors.Trim()}".TrimEnd());
        var library = Read(built);
        Directory.CreateDirectory(lib);
        foreach (var file in library.Files) File.Copy(file, Path.Combine(lib, Path.GetFileName(file)));
        return library with { Files = library.Files.Select(f => Path.Combine(lib, Path.GetFileName(f))).ToList() };
    }

    private static FileStream Lock(string path)
    {
        for (var waited = TimeSpan.Zero; ; waited += TimeSpan.FromMilliseconds(200))
        {
            try { return new FileStream(path, FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None); }
            catch (IOException) when (waited < TimeSpan.FromMinutes(10)) { Thread.Sleep(200); }
        }
    }

    /// <summary>The built library in <paramref name="folder"/>, read through its deps.json.</summary>
    public static PackLibrary Read(string folder)
    {
        var dll = Path.Combine(folder, Assembly);
        var deps = Path.Combine(folder, Path.ChangeExtension(Assembly, ".deps.json"));
        if (!File.Exists(dll) || !File.Exists(deps)) throw new PackException($"the pack's library is not built in {folder}.");
        var libraries = JsonNode.Parse(File.ReadAllText(deps))!["targets"]!.AsObject().Single().Value!.AsObject()
            .ToDictionary(l => l.Key[..l.Key.IndexOf('/')], l => (Version: l.Key[(l.Key.IndexOf('/') + 1)..], Entry: l.Value!), StringComparer.Ordinal);
        var self = libraries[Path.GetFileNameWithoutExtension(Assembly)].Entry;
        if (!libraries.TryGetValue("TorchSharp", out var torch)) throw new PackException($"{deps} names no TorchSharp package.");

        // Every package the library reaches except TorchSharp (restored by the notebook) and the kernel's own, with their dependencies.
        var files = new List<string> { dll };
        if (File.Exists(Path.ChangeExtension(dll, ".xml"))) files.Add(Path.ChangeExtension(dll, ".xml"));
        var seen = new HashSet<string>(StringComparer.Ordinal);
        var pending = new Stack<string>(Dependencies(self));
        while (pending.TryPop(out var id))
        {
            if (id == "TorchSharp" || HostPackages.Contains(id) || !seen.Add(id)) continue;
            foreach (var asset in libraries[id].Entry["runtime"] as JsonObject ?? [])
            {
                var file = Path.Combine(folder, Path.GetFileName(asset.Key));
                if (!File.Exists(file)) throw new PackException($"{file} is missing from the pack's library build.");
                files.Add(file);
            }
            foreach (var next in Dependencies(libraries[id].Entry)) pending.Push(next);
        }
        // A GPU build is the student's choice (the pack's README); the default restores libtorch for the CPU of any platform.
        return new PackLibrary(files, ("TorchSharp-cpu", torch.Version));
    }

    private static IEnumerable<string> Dependencies(JsonNode entry) => (entry["dependencies"] as JsonObject ?? []).Select(d => d.Key);
}
