namespace DlCourse.Cli.Grading;

/// <summary>
/// How the grader looks at what a student handed in: it lists only real files and folders (never following a symbolic
/// link, which could point at the source notebooks or loop forever) and reads a notebook only when it is a regular file
/// of bounded size (a FIFO or device would block or never end).
/// </summary>
internal static class SubmissionFiles
{
    /// <summary>The largest notebook the grader reads.</summary>
    public const long MaxNotebookBytes = 50L << 20;

    /// <summary>Recursive listing that skips symbolic links, to files and to folders alike.</summary>
    public static readonly EnumerationOptions Recursive = new()
    {
        RecurseSubdirectories = true, AttributesToSkip = FileAttributes.ReparsePoint, IgnoreInaccessible = true,
    };

    /// <summary>The same, without recursing.</summary>
    public static readonly EnumerationOptions TopLevel = new() { AttributesToSkip = FileAttributes.ReparsePoint, IgnoreInaccessible = true };

    /// <summary>A student's copy of the notebook at <paramref name="relative"/>: at that path, else the first file of that name anywhere in their folder.</summary>
    public static string? Find(string root, string relative)
    {
        var exact = Path.Combine(root, relative);
        if (File.Exists(exact)) return exact;
        return Directory.EnumerateFiles(root, Path.GetFileName(relative), Recursive)
            .Where(p => !p.Contains(".ipynb_checkpoints", StringComparison.Ordinal)).Order(StringComparer.Ordinal).FirstOrDefault();
    }

    /// <summary>Why <paramref name="path"/> (inside the student's <paramref name="root"/>) must not be read, or null.</summary>
    public static string? Problem(string root, string path)
    {
        var top = Path.GetFullPath(root).TrimEnd(Path.DirectorySeparatorChar);
        for (FileSystemInfo? entry = new FileInfo(path); entry is not null && entry.FullName.TrimEnd(Path.DirectorySeparatorChar) != top;
             entry = entry is FileInfo f ? f.Directory : ((DirectoryInfo)entry).Parent)
            if (entry.LinkTarget is not null) return $"{Path.GetRelativePath(top, entry.FullName)} is a symbolic link; submit the notebook itself";
        var file = new FileInfo(path);
        if (!file.Exists) return "it is not a file";
        // Linux reports no size for FIFOs, sockets and devices: together with the link check above, a non-empty
        // size means a regular file, whose reading ends.
        if (file.Length == 0) return "it is empty, or not a regular file";
        if (file.Length > MaxNotebookBytes) return $"it is over {MaxNotebookBytes >> 20} MB; clear its outputs and submit again";
        return null;
    }
}
