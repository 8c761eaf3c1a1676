
namespace DlCourse.Cli.Notebooks;

/// <summary>A notebook found on the command line, with the path it gets under an output folder.</summary>
public sealed record NotebookPath(string Source, string Relative);

/// <summary>Expands files and folders into notebooks, in a stable order, skipping hidden folders: the one notebook search of every verb.</summary>
public static class NotebookPaths
{
    public static IReadOnlyList<NotebookPath> Expand(IEnumerable<string> paths)
    {
        var found = new List<NotebookPath>();
        foreach (var path in paths)
        {
            if (Directory.Exists(path))
            {
                var root = Path.GetFullPath(path);
                found.AddRange(Directory.EnumerateFiles(root, "*.ipynb", SearchOption.AllDirectories)
                    .Where(f => !f.Split(Path.DirectorySeparatorChar).Any(part => part.StartsWith('.')))
                    .Order(StringComparer.Ordinal)
                    .Select(f => new NotebookPath(f, Path.GetRelativePath(root, f))));
            }
            else if (File.Exists(path))
            {
                found.Add(new NotebookPath(Path.GetFullPath(path), Path.GetFileName(path)));
            }
            else
            {
                throw new NotebookFormatException($"{path}: no such file or folder");
            }
        }
        if (found.Count == 0) throw new NotebookFormatException($"no notebooks (.ipynb) found in {string.Join(", ", paths)}");
        return found;
    }
}
