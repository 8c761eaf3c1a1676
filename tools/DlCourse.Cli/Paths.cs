namespace DlCourse.Cli;

/// <summary>Path containment, the one test every layer uses: by whole path segments, so /a/bc is not inside /a/b.</summary>
internal static class Paths
{
    public static bool IsInside(string path, string folder) =>
        (Path.GetFullPath(path).TrimEnd('/') + "/").StartsWith(Path.GetFullPath(folder).TrimEnd('/') + "/", StringComparison.Ordinal);
}
