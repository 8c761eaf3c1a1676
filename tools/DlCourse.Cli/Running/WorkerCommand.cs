namespace DlCourse.Cli.Running;

/// <summary>How to start <c>dlcourse kernel</c> from wherever this assembly was loaded (the tool, or a test host).</summary>
internal static class WorkerCommand
{
    public static (string File, IReadOnlyList<string> Arguments) Resolve()
    {
        var dll = typeof(WorkerCommand).Assembly.Location;
        var apphost = Path.Combine(Path.GetDirectoryName(dll)!, OperatingSystem.IsWindows() ? "dlcourse.exe" : "dlcourse");
        if (File.Exists(apphost)) return (apphost, ["kernel"]);
        return (Dotnet(), [dll, "kernel"]);
    }

    // By full path: a worker's PATH is the sandbox's, which need not hold the student's own dotnet (~/.dotnet, Program Files).
    private static string Dotnet()
    {
        if (Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") is { Length: > 0 } host && File.Exists(host)) return host;
        if (Environment.ProcessPath is { } self && Path.GetFileNameWithoutExtension(self) == "dotnet") return self;
        return "dotnet";
    }
}
