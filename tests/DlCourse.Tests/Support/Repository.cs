using System.Diagnostics;

namespace DlCourse.Tests.Support;

/// <summary>Paths in this repository and helpers that call tools outside .NET.</summary>
public static class Repository
{
    public static string Root { get; } = FindRoot();

    public static string Notebooks => Path.Combine(Root, "notebooks");

    /// <summary>The tool as this test run built it (tools/DlCourse.Cli/bin/CONFIGURATION/net10.0/dlcourse.dll), which a pack carries.</summary>
    public static string Tool
    {
        get
        {
            var configuration = Path.GetFileName(Path.GetDirectoryName(AppContext.BaseDirectory.TrimEnd(Path.DirectorySeparatorChar)))!;
            return Path.Combine(Root, "tools", "DlCourse.Cli", "bin", configuration, "net10.0", "dlcourse.dll");
        }
    }

    private static string FindRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            if (File.Exists(Path.Combine(dir.FullName, "DlCourse.sln"))) return dir.FullName;
        throw new InvalidOperationException("tests must run inside the DlCourse repository");
    }

    /// <summary>A fresh temporary folder, removed by the OS eventually; tests keep their files for inspection on failure.</summary>
    public static string TempFolder(string name)
    {
        var path = Path.Combine(Path.GetTempPath(), "dlcourse-tests", $"{name}-{Guid.NewGuid():N}"[..(name.Length + 9)]);
        Directory.CreateDirectory(path);
        return path;
    }

    /// <summary>The restored package of dotnet-repl at the version the tool manifest pins (environment/setup.sh restores it).</summary>
    public static string DotnetReplPackage
    {
        get
        {
            var manifest = System.Text.Json.Nodes.JsonNode.Parse(File.ReadAllText(Path.Combine(Root, ".config", "dotnet-tools.json")))!;
            var version = (string)manifest["tools"]!["dotnet-repl"]!["version"]!;
            var packages = Environment.GetEnvironmentVariable("NUGET_PACKAGES") is { Length: > 0 } p ? p
                : Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.UserProfile), ".nuget", "packages");
            var folder = Path.Combine(packages, "dotnet-repl", version);
            return Directory.Exists(folder) ? folder : throw new InvalidOperationException($"dotnet-repl {version} is not restored: run environment/setup.sh");
        }
    }

    /// <summary>dotnet-repl's assembly in <see cref="DotnetReplPackage"/>, run with <c>dotnet</c>.</summary>
    public static string DotnetRepl =>
        Directory.EnumerateFiles(Path.Combine(DotnetReplPackage, "tools"), "dotnet-repl.dll", SearchOption.AllDirectories).First();

    /// <summary>Runs a program to completion; returns its exit code and combined output.</summary>
    public static (int ExitCode, string Output) Run(string file, params string[] arguments) => Run(file, arguments, null);

    /// <summary>Same, with extra environment variables; a program still running after <paramref name="timeout"/> (five minutes unless
    /// given) is killed and fails the test.</summary>
    public static (int ExitCode, string Output) Run(string file, IEnumerable<string> arguments, IReadOnlyDictionary<string, string>? environment,
        string? workingDirectory = null, TimeSpan? timeout = null)
    {
        var limit = timeout ?? TimeSpan.FromMinutes(5);
        var info = new ProcessStartInfo(file) { RedirectStandardOutput = true, RedirectStandardError = true, WorkingDirectory = workingDirectory ?? "" };
        foreach (var a in arguments) info.ArgumentList.Add(a);
        foreach (var (key, value) in environment ?? new Dictionary<string, string>()) info.Environment[key] = value;
        using var process = Process.Start(info)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        if (!process.WaitForExit(limit))
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"{file} ran over {limit.TotalMinutes:0.#} minutes");
        }
        return (process.ExitCode, stdout.Result + stderr.Result);
    }

    /// <summary>Validates a notebook file with Debian's python3-nbformat, an implementation independent of ours.</summary>
    public static string? NbformatErrors(string path)
    {
        const string script = "import nbformat,sys\nnbformat.validate(nbformat.read(sys.argv[1], as_version=nbformat.NO_CONVERT))";
        var (code, output) = Run("/usr/bin/python3", "-c", script, path);
        return code == 0 ? null : output.Trim();
    }
}
