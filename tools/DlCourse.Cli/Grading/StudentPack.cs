using System.IO.Compression;
using System.Text.Json.Nodes;
using DlCourse.Cli.Grading.Screening;
using DlCourse.Cli.Notebooks;

namespace DlCourse.Cli.Grading;

/// <summary>What <see cref="StudentPack.Write"/> produced: the pack's folder, its zip and the notebooks in it.</summary>
internal sealed record PackResult(string Folder, string Zip, IReadOnlyList<string> Notebooks);

/// <summary>
/// A release a student unpacks anywhere and opens with only the .NET SDK: the student notebooks, the loader their
/// first cell <c>#!import</c>s, rewritten to restore TorchSharp from NuGet and load the library from <c>lib/</c>,
/// and <c>dlcourse</c> itself in <c>tool/</c> with pristine copies of the notebooks, for <c>self-check</c>.
/// </summary>
/// <remarks>
/// Packages restored on the student's machine rather than the course's own build folder: that folder holds TorchSharp's
/// native side for this Debian machine's libtorch, which loads nowhere else; NuGet gives each machine its own.
/// </remarks>
internal static class StudentPack
{
    public const string LibraryFolder = "lib";
    public const string Marker = ".dlcourse-release";
    public const string ToolFolder = "tool";

    /// <summary>Writes the pack to <paramref name="outDir"/> (replacing an earlier release there) and <c>outDir.zip</c>; nothing is written on error.</summary>
    /// <remarks>The pack's root is the folder that holds the released notebooks and the loaders they <c>#!import</c>, so one
    /// assignment's folder releases on its own: <c>notebooks/a1-…</c> gives <c>a1-…/q1….ipynb</c> beside <c>course.csx</c>.</remarks>
    public static PackResult Write(IEnumerable<string> sources, string outDir)
    {
        outDir = Path.GetFullPath(outDir.TrimEnd(Path.DirectorySeparatorChar));
        var found = new List<(string Path, Notebook Source)>();
        var loaders = new Dictionary<string, HashSet<string>>(StringComparer.Ordinal); // loader → folders of the notebooks importing it
        foreach (var (path, relative) in NotebookPaths.Expand(sources))
        {
            var source = Notebook.Load(path);
            found.Add((path, source));
            foreach (var (kind, argument) in source.Cells.Where(c => c.Kind == CellKind.Code).SelectMany(c => Directives.Quoted(c.Source)))
            {
                if (argument.StartsWith("nuget:", StringComparison.OrdinalIgnoreCase)) continue;
                if (kind != Directives.Import)
                    throw new PackException($"{relative} {(kind == "#r" ? "references" : "loads")} {argument} directly; import the library through the loader (#!import \"../course.csx\") so that the pack can carry it.");
                var target = Path.GetFullPath(Path.Combine(Path.GetDirectoryName(path)!, argument));
                if (!File.Exists(target)) throw new PackException($"{relative} imports {argument}, which does not exist ({target}).");
                if (!loaders.TryGetValue(target, out var importers)) loaders[target] = importers = new(StringComparer.Ordinal);
                importers.Add(Path.GetDirectoryName(path)!);
            }
        }
        if (found.Count == 0) throw new PackException("no notebooks found.");
        var root = CommonFolder(found.Select(f => f.Path).Concat(loaders.Keys));
        // An imported loader's #r paths start from the importing notebook's folder (the kernel's), so one path must serve all.
        foreach (var (loader, importers) in loaders)
            if (importers.Select(f => Path.GetRelativePath(f, root)).Distinct().Count() > 1)
                throw new PackException($"{loader} is imported from folders at different depths; keep the notebooks that import one loader in folders beside each other.");

        var notebooks = new List<(string Relative, Notebook Released, Notebook Pristine)>();
        var records = new List<(string From, string Relative)>(); // full-profile records the notebooks display
        foreach (var (path, source) in found)
        {
            var relative = Path.GetRelativePath(root, path);
            var record = Path.Combine(Path.GetDirectoryName(path)!, "full-profile", Path.GetFileNameWithoutExtension(path) + ".json");
            if (File.Exists(record))
                records.Add((record, Path.Combine(Path.GetDirectoryName(relative) ?? "", "full-profile", Path.GetFileName(record))));
            notebooks.Add((relative, Releaser.Release(source, relative), Releaser.Release(source, relative, keepMarkers: true)));
        }
        var project = loaders.Count > 0 ? FindProject(loaders.Keys.First()) : null;

        var staging = Path.Combine(Path.GetDirectoryName(outDir)!, $".{Path.GetFileName(outDir)}.partial-{Environment.ProcessId}");
        if (Directory.Exists(staging)) Directory.Delete(staging, recursive: true);
        Directory.CreateDirectory(staging);
        try
        {
            var library = project is null ? null : PackLibrary.Build(project, Path.Combine(staging, LibraryFolder));
            var pristine = Path.Combine(staging, SelfCheck.ReleasedFolder);
            foreach (var (loader, importers) in loaders)
            {
                var inPack = Path.GetRelativePath(root, loader);
                foreach (var tree in new[] { staging, pristine })
                {
                    var notebookFolder = Path.Combine(tree, Path.GetRelativePath(root, importers.First()));
                    var libFromNotebooks = Path.GetRelativePath(notebookFolder, Path.Combine(staging, LibraryFolder)).Replace('\\', '/');
                    var copy = Path.Combine(tree, inPack);
                    Directory.CreateDirectory(Path.GetDirectoryName(copy)!);
                    File.WriteAllText(copy, PackLoader(loader, libFromNotebooks, library!));
                }
            }
            foreach (var (relative, released, marked) in notebooks)
            {
                released.Save(Path.Combine(staging, relative));
                marked.Save(Path.Combine(pristine, relative));
            }
            foreach (var (from, relative) in records)
            {
                Directory.CreateDirectory(Path.GetDirectoryName(Path.Combine(staging, relative))!);
                File.Copy(from, Path.Combine(staging, relative));
            }
            CopyTool(Path.Combine(staging, ToolFolder));
            WriteSelfCheckScripts(staging);
            File.WriteAllText(Path.Combine(staging, "README.md"), StudentReadme(notebooks.Select(n => n.Relative), library));
            File.WriteAllText(Path.Combine(staging, Marker), "written by dlcourse release; the folder is replaced by the next release\n");

            Replace(outDir, staging);
        }
        finally
        {
            if (Directory.Exists(staging)) Directory.Delete(staging, recursive: true);
        }
        var zip = outDir + ".zip";
        var partialZip = zip + ".partial";
        File.Delete(partialZip);
        ZipFile.CreateFromDirectory(outDir, partialZip, CompressionLevel.Optimal, includeBaseDirectory: true);
        File.Move(partialZip, zip, overwrite: true);
        return new PackResult(outDir, zip, notebooks.Select(n => Path.Combine(outDir, n.Relative)).ToList());
    }

    // The loader with each #r pointing into the pack's lib/, and TorchSharp restored from NuGet first, with libtorch for
    // the student's machine: the one line a student edits for a GPU build.
    private static string PackLoader(string loader, string libFromNotebooks, PackLibrary library)
    {
        var inLib = library.Files.Select(Path.GetFileName).ToHashSet(StringComparer.Ordinal);
        var lines = new List<string>
        {
            "// Loads the course library from lib/ (written by dlcourse release); notebooks run it with #!import \"../course.csx\".",
            "// TorchSharp, with libtorch for this machine (restored once; README.md says how to use a GPU build instead)",
            $"#r \"nuget: {library.TorchSharp.Id}, {library.TorchSharp.Version}\"",
        };
        foreach (var line in File.ReadAllLines(loader).SkipWhile(l => l.TrimStart().StartsWith("//", StringComparison.Ordinal)))
        {
            var quoted = Directives.Quoted(line).ToList();
            if (quoted is not [var (kind, argument)] || argument.StartsWith("nuget:", StringComparison.OrdinalIgnoreCase)) { lines.Add(line); continue; }
            if (kind != "#r") throw new PackException($"{loader} runs {argument}; a loader that loads or imports another is not supported by release.");
            var name = Path.GetFileName(argument);
            if (name == "TorchSharp.dll") continue;
            if (!inLib.Contains(name)) throw new PackException($"{loader} references {argument}, which is not part of the library's build; reference only the library and its packages.");
            lines.Add($"#r \"{libFromNotebooks}/{name}\"");
        }
        return string.Join('\n', lines) + "\n";
    }

    private static string CommonFolder(IEnumerable<string> files)
    {
        string? common = null;
        foreach (var folder in files.Select(f => Path.GetDirectoryName(Path.GetFullPath(f))!))
            for (common ??= folder; !Paths.IsInside(folder, common);) common = Path.GetDirectoryName(common)!;
        return common!;
    }

    // The repository whose library the loaders reference: the nearest folder above them holding the library's project.
    private static string FindProject(string loader)
    {
        for (var dir = Path.GetDirectoryName(loader); dir is not null; dir = Path.GetDirectoryName(dir))
            if (File.Exists(Path.Combine(dir, PackLibrary.Project))) return Path.Combine(dir, PackLibrary.Project);
        throw new PackException($"{loader} is not inside the course repository (no {PackLibrary.Project} above it), so its library cannot be built for the pack.");
    }

    private static void WriteSelfCheckScripts(string pack)
    {
        var script = Path.Combine(pack, "self-check");
        File.WriteAllText(script, "#!/bin/sh\n# Runs your notebook's visible tests as the grader will: ./self-check a1-loss-functions/q1-….ipynb\nexec dotnet \"$(dirname \"$0\")/tool/dlcourse.dll\" self-check \"$@\"\n");
        File.WriteAllText(Path.Combine(pack, "self-check.cmd"), "@rem Runs your notebook's visible tests as the grader will: self-check a1-loss-functions\\q1-....ipynb\r\n@dotnet \"%~dp0tool\\dlcourse.dll\" self-check %*\r\n");
        if (!OperatingSystem.IsWindows())
            File.SetUnixFileMode(script, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute
                | UnixFileMode.GroupRead | UnixFileMode.GroupExecute | UnixFileMode.OtherRead | UnixFileMode.OtherExecute);
    }

    // The tool's own files as its deps.json lists them (so a test host's folder contributes only the tool), less the
    // translated messages; Playwright's browser driver, needed only by export, is not listed there and stays behind.
    private static void CopyTool(string to)
    {
        var from = Path.GetDirectoryName(typeof(StudentPack).Assembly.Location)!;
        var deps = Path.Combine(from, "dlcourse.deps.json");
        if (!File.Exists(deps)) throw new PackException($"{deps} is missing; run release from the built tool.");
        var files = new HashSet<string>(StringComparer.Ordinal) { "dlcourse.dll", "dlcourse.deps.json", "dlcourse.runtimeconfig.json" };
        foreach (var library in JsonNode.Parse(File.ReadAllText(deps))!["targets"]!.AsObject().SelectMany(t => t.Value!.AsObject()))
        {
            foreach (var asset in (library.Value?["runtime"] as JsonObject ?? []).Concat(library.Value?["native"] as JsonObject ?? []))
                files.Add(Path.GetFileName(asset.Key));
            foreach (var asset in library.Value?["runtimeTargets"] as JsonObject ?? []) files.Add(asset.Key);
        }
        foreach (var file in files)
        {
            var source = Path.Combine(from, file);
            if (!File.Exists(source)) continue; // an asset for another platform
            var target = Path.Combine(to, file);
            Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            File.Copy(source, target);
        }
    }

    // Swaps the staged pack in; a folder that is not an earlier release is never deleted.
    private static void Replace(string outDir, string staging)
    {
        if (Directory.Exists(outDir))
        {
            if (Directory.EnumerateFileSystemEntries(outDir).Any() && !File.Exists(Path.Combine(outDir, Marker)))
                throw new PackException($"{outDir} exists and is not an earlier release; choose another --out or empty it.");
            var old = outDir + $".old-{Environment.ProcessId}";
            Directory.Move(outDir, old);
            Directory.Move(staging, outDir);
            Directory.Delete(old, recursive: true);
        }
        else Directory.Move(staging, outDir);
    }

    private static string StudentReadme(IEnumerable<string> notebooks, PackLibrary? library)
    {
        using var template = typeof(StudentPack).Assembly.GetManifestResourceStream("DlCourse.Cli.Grading.student-readme.md")!;
        var torch = library?.TorchSharp;
        return new StreamReader(template).ReadToEnd()
            .Replace("{{torchsharp}}", torch is var (id, version) ? $"{id} {version}" : "TorchSharp")
            .Replace("{{notebooks}}", string.Join("\n", notebooks.Select(n => $"- `{n.Replace('\\', '/')}`")));
    }
}

/// <summary>A release that cannot be packed as asked; the message says what to change.</summary>
public sealed class PackException(string message) : Exception(message);
