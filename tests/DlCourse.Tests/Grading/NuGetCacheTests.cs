using DlCourse.Cli.Grading.Screening;

namespace DlCourse.Tests.Grading;

/// <summary>A pack's <c>#r "nuget:"</c> line resolves, for the screen, to the libraries the kernel restored into the NuGet cache.</summary>
public sealed class NuGetCacheTests : IDisposable
{
    private readonly string cache = Directory.CreateTempSubdirectory("dlcourse-nuget-").FullName;

    public void Dispose() => Directory.Delete(cache, recursive: true);

    private void Package(string id, string version, string? framework, string dependencies, params string[] dlls)
    {
        var folder = Path.Combine(cache, id.ToLowerInvariant(), version);
        Directory.CreateDirectory(folder);
        File.WriteAllText(Path.Combine(folder, id.ToLowerInvariant() + ".nuspec"),
            $"""<?xml version="1.0"?><package xmlns="http://schemas.microsoft.com/packaging/2013/05/nuspec.xsd"><metadata><id>{id}</id><dependencies>{dependencies}</dependencies></metadata></package>""");
        if (framework is null) return;
        Directory.CreateDirectory(Path.Combine(folder, "lib", framework));
        foreach (var dll in dlls) File.WriteAllText(Path.Combine(folder, "lib", framework, dll), "");
    }

    [Fact]
    public void A_meta_package_gives_its_dependencies_libraries_for_the_nearest_framework()
    {
        // As TorchSharp-cpu 0.107.0: no library of its own, TorchSharp (net8.0 and netstandard2.0) and the native libtorch package.
        Package("TorchSharp-cpu", "0.107.0", null, """<dependency id="libtorch-cpu" version="2.10.0" /><dependency id="TorchSharp" version="0.107.0" />""");
        Package("TorchSharp", "0.107.0", "net8.0",
            """<group targetFramework="net8.0"><dependency id="Google.Protobuf" version="3.21.9" /></group><group targetFramework=".NETStandard2.0"><dependency id="Old" version="1.0" /></group>""",
            "TorchSharp.dll");
        Directory.CreateDirectory(Path.Combine(cache, "torchsharp", "0.107.0", "lib", "netstandard2.0"));
        File.WriteAllText(Path.Combine(cache, "torchsharp", "0.107.0", "lib", "netstandard2.0", "TorchSharp.dll"), "");
        Package("TorchSharp", "0.99.6", "net8.0", "", "TorchSharp.dll");
        Package("Google.Protobuf", "3.21.9", "netstandard2.0", "", "Google.Protobuf.dll");
        Package("Old", "1.0", "netstandard2.0", "", "Old.dll");

        var found = NuGetCache.Assemblies("nuget: TorchSharp-cpu, 0.107.0", cache).Select(p => Path.GetRelativePath(cache, p).Replace('\\', '/')).Order();
        Assert.Equal(["google.protobuf/3.21.9/lib/netstandard2.0/Google.Protobuf.dll", "torchsharp/0.107.0/lib/net8.0/TorchSharp.dll"], found);
    }

    [Fact]
    public void A_package_that_is_not_cached_gives_nothing()
    {
        Assert.Empty(NuGetCache.Assemblies("nuget: Missing, 1.0.0", cache));
        Assert.Empty(NuGetCache.Assemblies("nuget:", cache));
    }
}
