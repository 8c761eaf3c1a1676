using System.Xml.Linq;

namespace DlCourse.Cli.Grading.Screening;

/// <summary>
/// The assemblies a <c>#r "nuget: Id, Version"</c> line gives a kernel, found in this machine's NuGet cache
/// (<c>NUGET_PACKAGES</c>, or ~/.nuget/packages), dependencies included: what the screen compiles a student's cell against
/// in a pack, whose notebooks restore TorchSharp from NuGet instead of shipping it.
/// </summary>
public static class NuGetCache
{
    // The frameworks a net10.0 kernel can load, most specific first.
    private static readonly string[] Frameworks =
        ["net10.0", "net9.0", "net8.0", "net7.0", "net6.0", "net5.0", "netcoreapp3.1", "netstandard2.1", "netstandard2.0"];

    /// <summary>The library files of the package a <c>nuget:</c> directive names, and of its dependencies; none when it is not cached.</summary>
    public static IReadOnlyList<string> Assemblies(string directive, string? cache = null)
    {
        var parts = directive["nuget:".Length..].Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries);
        if (parts.Length == 0) return [];
        var found = new List<string>();
        Collect(cache ?? Root(), parts[0], parts.Length > 1 ? parts[1] : null, found, new HashSet<string>(StringComparer.OrdinalIgnoreCase), depth: 0);
        return found;
    }

    private static string Root() =>
        Environment.GetEnvironmentVariable("NUGET_PACKAGES") is { Length: > 0 } configured
            ? configured
            : Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.UserProfile), ".nuget", "packages");

    private static void Collect(string cache, string id, string? version, List<string> found, HashSet<string> seen, int depth)
    {
        if (depth > 4 || !seen.Add(id)) return;
        var package = Path.Combine(cache, id.ToLowerInvariant());
        if (!Directory.Exists(package)) return;
        // A dependency's version is a range such as "[2.10.0]" or "3.21.9" (its minimum): take that version when cached, else the newest.
        var wanted = version?.Trim('[', ']', '(', ')').Split(',')[0].Trim();
        var folder = wanted is { Length: > 0 } && Directory.Exists(Path.Combine(package, wanted))
            ? Path.Combine(package, wanted)
            : Directory.EnumerateDirectories(package).OrderByDescending(d => Version.TryParse(Path.GetFileName(d).Split('-')[0], out var v) ? v : new Version()).FirstOrDefault();
        if (folder is null) return;
        if (Frameworks.Select(f => Path.Combine(folder, "lib", f)).FirstOrDefault(Directory.Exists) is { } lib)
            found.AddRange(Directory.EnumerateFiles(lib, "*.dll"));
        foreach (var nuspec in Directory.EnumerateFiles(folder, "*.nuspec"))
            foreach (var dependency in Dependencies(nuspec))
                Collect(cache, dependency.Id, dependency.Version, found, seen, depth + 1);
    }

    private static IEnumerable<(string Id, string? Version)> Dependencies(string nuspec)
    {
        var document = XDocument.Load(nuspec);
        var groups = document.Descendants().Where(e => e.Name.LocalName == "group").ToList();
        // The dependency group of the nearest framework, or the ungrouped list.
        var group = Frameworks.Select(f => groups.FirstOrDefault(g => Normalise((string?)g.Attribute("targetFramework")) == f)).FirstOrDefault(g => g is not null);
        var scope = group ?? (groups.Count == 0 ? document.Root : null);
        if (scope is null) return [];
        return scope.Descendants().Where(e => e.Name.LocalName == "dependency")
            .Select(e => ((string)e.Attribute("id")!, (string?)e.Attribute("version")));
    }

    private static string? Normalise(string? framework) => framework?.ToLowerInvariant() switch
    {
        ".netstandard2.0" => "netstandard2.0",
        ".netstandard2.1" => "netstandard2.1",
        var other => other,
    };
}
