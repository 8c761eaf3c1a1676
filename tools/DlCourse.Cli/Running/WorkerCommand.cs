namespace DlCourse.Cli.Running;

/// <summary>How to start <c>dlcourse kernel</c> from wherever this assembly was loaded (the tool, or a test host).</summary>
internal static class WorkerCommand
{
    public static (string File, IReadOnlyList<string> Arguments) Resolve()
    {
        var dll = typeof(WorkerCommand).Assembly.Location;
        var apphost = Path.Combine(Path.GetDirectoryName(dll)!, OperatingSystem.IsWindows() ? "dlcourse.exe" : "dlcourse");
        if (File.Exists(apphost)) return (apphost, ["kernel"]);
        var dotnet = Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") is { Length: > 0 } host && File.Exists(host) ? host : "dotnet";
        return (dotnet, [dll, "kernel"]);
    }
}
