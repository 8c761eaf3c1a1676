using DlCourse.Cli.Grading.Screening;
using DlCourse.Cli.Notebooks;

namespace DlCourse.Cli.Grading;

/// <summary>
/// The files a grading worker needs from the grader's disk: the loaders the source notebook's own cells <c>#!import</c>
/// or <c>#load</c> and the folders of the assemblies they <c>#r</c>. The worker sees these and nothing else of the course.
/// </summary>
internal static class WorkerFiles
{
    public static IReadOnlyList<string> For(Notebook source, string workingDirectory)
    {
        var files = new SortedSet<string>(StringComparer.Ordinal);
        foreach (var cell in source.Cells.Where(c => c.Kind == CellKind.Code && !GradingCell.Of(c).IsSolution))
            Add(cell.Source, workingDirectory, workingDirectory, files, depth: 0);
        return [.. files];
    }

    // A #load'ed file's paths start from its own folder; an imported file runs as a cell, from the kernel's folder.
    private static void Add(string code, string folder, string workingDirectory, SortedSet<string> files, int depth)
    {
        foreach (var (kind, argument) in Directives.Quoted(code))
        {
            if (argument.StartsWith("nuget:", StringComparison.OrdinalIgnoreCase)) continue;
            var path = Path.GetFullPath(Path.Combine(folder, argument));
            if (kind == "#r")
            {
                // An assembly's dependencies (and TorchSharp's native libraries) sit beside it.
                if (File.Exists(path)) files.Add(Path.GetDirectoryName(path)!);
            }
            else if (File.Exists(path) && files.Add(path) && depth < 8)
                Add(File.ReadAllText(path), kind == Directives.Import ? workingDirectory : Path.GetDirectoryName(path)!, workingDirectory, files, depth + 1);
        }
    }
}
