using System.Reflection;

namespace DlCourse.Cli.Running;

/// <summary>NuGet sources for notebooks' <c>#r "nuget:"</c>: the build's local feed (where it exists) and DLCOURSE_NUGET_SOURCES.</summary>
public static class PackageFeeds
{
    public const string EnvironmentVariable = "DLCOURSE_NUGET_SOURCES";

    public static IReadOnlyList<string> Default()
    {
        var baked = typeof(PackageFeeds).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>()
            .Where(a => a.Key == "DlCourseLocalFeed").Select(a => a.Value ?? "");
        var configured = (System.Environment.GetEnvironmentVariable(EnvironmentVariable) ?? "")
            .Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        return baked.Concat(configured).Where(Directory.Exists).Distinct().ToList();
    }
}
