using System.IO.Compression;
using System.Text;
using System.Text.Json.Nodes;
using DlCourse.Cli.Grading.Screening;
using DlCourse.Cli.Notebooks;

namespace DlCourse.Cli.Grading;

/// <summary>What <see cref="StudentPack.Write"/> produced: the pack's folder, its zip and the notebooks in it.</summary>
internal sealed record PackResult(string Folder, string Zip, IReadOnlyList<string> Notebooks);

/// <summary>
/// A release a student unpacks anywhere and opens with only the .NET SDK: the student notebooks, the loader their
/// first cell <c>#load</c>s, rewritten to reference the library's built assemblies copied into <c>lib/</c> beside it,
/// and <c>dlcourse</c> itself in <c>tool/</c> with pristine copies of the notebooks, for <c>self-check</c>.
/// </summary>
/// <remarks>
/// Built assemblies rather than a NuGet package: a package would need TorchSharp and Plotly.NET restored on the
/// student's machine (online, and at versions that load there), while the folder is what the course itself loads.
/// </remarks>
internal static class StudentPack
{
    public const string LibraryFolder = "lib";
    public const string Marker = ".dlcourse-release";
    public const string ToolFolder = "tool";

    /// <summary>Writes the pack to <paramref name="outDir"/> (replacing an earlier release there) and <c>outDir.zip</c>; nothing is written on error.</summary>
    public static PackResult Write(IEnumerable<string> sources, string outDir)
    {
        outDir = Path.GetFullPath(outDir.TrimEnd(Path.DirectorySeparatorChar));
        var notebooks = new List<(string Relative, Notebook Released, Notebook Pristine)>();
        var loaders = new Dictionary<string, string>(StringComparer.Ordinal); // source loader → its path in the pack
        var records = new List<(string From, string Relative)>(); // full-profile records the notebooks display
        foreach (var (path, relative) in NotebookPaths.Expand(sources))
        {
            var source = Notebook.Load(path);
            var record = Path.Combine(Path.GetDirectoryName(path)!, "full-profile", Path.GetFileNameWithoutExtension(path) + ".json");
            if (File.Exists(record))
                records.Add((record, Path.Combine(Path.GetDirectoryName(relative) ?? "", "full-profile", Path.GetFileName(record))));
            notebooks.Add((relative, Releaser.Release(source, relative), Releaser.Release(source, relative, keepMarkers: true)));
            var root = RootOf(path, relative);
            foreach (var (kind, argument) in source.Cells.Where(c => c.Kind == CellKind.Code).SelectMany(c => Directives.Quoted(c.Source)))
            {
                if (argument.StartsWith("nuget:", StringComparison.OrdinalIgnoreCase)) continue;
                var target = Path.GetFullPath(Path.Combine(Path.GetDirectoryName(path)!, argument));
                if (kind == "#r")
                    throw new PackException($"{relative} references {argument} directly; load the library through the loader (#load \"../course.csx\") so that the pack can carry it.");
                var inPack = Path.GetRelativePath(root, target);
                if (inPack.StartsWith("..", StringComparison.Ordinal) || Path.IsPathRooted(inPack))
                    throw new PackException($"{relative} loads {argument}, which is outside what is released; release the folder that holds it (for example notebooks/).");
                if (!File.Exists(target)) throw new PackException($"{relative} loads {argument}, which does not exist ({target}).");
                loaders[target] = inPack;
            }
        }
        if (notebooks.Count == 0) throw new PackException("no notebooks found.");

        var staging = Path.Combine(Path.GetDirectoryName(outDir)!, $".{Path.GetFileName(outDir)}.partial-{Environment.ProcessId}");
        if (Directory.Exists(staging)) Directory.Delete(staging, recursive: true);
        Directory.CreateDirectory(staging);
        try
        {
            var libraries = new Dictionary<string, string>(StringComparer.Ordinal); // file name in lib/ → source file
            var pristine = Path.Combine(staging, SelfCheck.ReleasedFolder);
            foreach (var (loader, inPack) in loaders)
                foreach (var copy in new[] { Path.Combine(staging, inPack), Path.Combine(pristine, inPack) })
                {
                    var text = PackLoader(loader, copy, Path.Combine(staging, LibraryFolder), libraries);
                    Directory.CreateDirectory(Path.GetDirectoryName(copy)!);
                    File.WriteAllText(copy, text);
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
            File.WriteAllText(Path.Combine(staging, "self-check"), "#!/bin/sh\n# Runs your notebook's visible tests as the grader will: ./self-check a1-loss-functions/q1-….ipynb\nexec dotnet \"$(dirname \"$0\")/tool/dlcourse.dll\" self-check \"$@\"\n");
            if (!OperatingSystem.IsWindows())
                File.SetUnixFileMode(Path.Combine(staging, "self-check"), UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute
                    | UnixFileMode.GroupRead | UnixFileMode.GroupExecute | UnixFileMode.OtherRead | UnixFileMode.OtherExecute);
            File.WriteAllText(Path.Combine(staging, "README.md"), StudentReadme(notebooks.Select(n => n.Relative)));
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

    // The loader with each #r pointing into the pack's lib/, and the folders of the referenced assemblies copied there
    // whole: their dependencies, native libraries and documentation come with them.
    private static string PackLoader(string loader, string packedLoader, string lib, Dictionary<string, string> copied)
    {
        var folder = Path.GetDirectoryName(loader)!;
        var libFromLoader = Path.GetRelativePath(Path.GetDirectoryName(packedLoader)!, lib).Replace('\\', '/');
        var lines = new List<string> { "// Loads the course library from lib/ beside this file (written by dlcourse release)." };
        foreach (var line in File.ReadAllLines(loader).SkipWhile(l => l.TrimStart().StartsWith("//", StringComparison.Ordinal)))
        {
            var quoted = Directives.Quoted(line).ToList();
            if (quoted is not [var (kind, argument)] || argument.StartsWith("nuget:", StringComparison.OrdinalIgnoreCase)) { lines.Add(line); continue; }
            if (kind == "#load") throw new PackException($"{loader} loads {argument}; a loader that loads another is not supported by release.");
            var assembly = Path.GetFullPath(Path.Combine(folder, argument));
            if (!File.Exists(assembly))
                throw new PackException($"{loader} references {argument}, which is not built ({assembly}); run `dotnet build` first.");
            CopyFolder(Path.GetDirectoryName(assembly)!, lib, copied);
            lines.Add($"#r \"{libFromLoader}/{Path.GetFileName(assembly)}\"");
        }
        return string.Join('\n', lines) + "\n";
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

    private static void CopyFolder(string from, string to, Dictionary<string, string> copied)
    {
        foreach (var file in Directory.EnumerateFiles(from, "*", SearchOption.AllDirectories))
        {
            var relative = Path.GetRelativePath(from, file);
            if (copied.TryGetValue(relative, out var earlier))
            {
                if (earlier != file) throw new PackException($"{relative} comes from both {earlier} and {file}; the pack's lib/ can hold only one.");
                continue;
            }
            copied[relative] = file;
            var target = Path.Combine(to, relative);
            Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            File.Copy(file, target);
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

    private static string RootOf(string path, string relative)
    {
        var full = Path.GetFullPath(path);
        return full.EndsWith(relative, StringComparison.Ordinal) ? full[..^relative.Length] : Path.GetDirectoryName(full)!;
    }

    private static string StudentReadme(IEnumerable<string> notebooks)
    {
        var text = new StringBuilder();
        text.AppendLine("# Course notebooks");
        text.AppendLine();
        text.AppendLine("Unpack this folder anywhere and open it in VS Code with the Polyglot Notebooks extension, or in Jupyter with the");
        text.AppendLine("`.net-csharp` kernel (`dotnet tool install -g Microsoft.dotnet-interactive`, then `dotnet interactive jupyter install`).");
        text.AppendLine("You need the .NET 10 SDK. The first cell of every notebook loads the course library from `lib/`; run the cells in order.");
        text.AppendLine();
        text.AppendLine("- Write your answers where a cell says `throw new NotImplementedException();` or YOUR ANSWER HERE; the checks below");
        text.AppendLine("  each one are the visible tests, run the same way when your work is graded. Hidden tests are added then.");
        text.AppendLine("- Calling the library's own implementation of what a question asks you to write scores 0 for that question.");
        text.AppendLine("- Before you hand a notebook in, check it as the grader will (same kernel, same rules, the visible tests):");
        text.AppendLine("  `./self-check a1-loss-functions/q1-….ipynb` (or `dotnet tool/dlcourse.dll self-check …` on Windows).");
        text.AppendLine("- Hand in the notebooks you worked in, with their names and folders unchanged.");
        text.AppendLine("- Fashion-MNIST is read from `/usr/share/datasets/fashion-mnist` (Debian's `dataset-fashion-mnist`) or from the folder");
        text.AppendLine("  named by `DLCOURSE_FASHION_MNIST`; the notebooks that need it say so when it is missing.");
        text.AppendLine("- `DLCOURSE_PROFILE=full` runs the longer training runs the write-ups quote; the default is the fast profile.");
        text.AppendLine();
        text.AppendLine("Notebooks:");
        foreach (var n in notebooks) text.AppendLine($"- `{n.Replace('\\', '/')}`");
        return text.ToString();
    }
}

/// <summary>A release that cannot be packed as asked; the message says what to change.</summary>
public sealed class PackException(string message) : Exception(message);
