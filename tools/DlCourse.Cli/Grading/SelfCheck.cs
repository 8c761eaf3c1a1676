using DlCourse.Cli.Grading.Results;

namespace DlCourse.Cli.Grading;

/// <summary>
/// A student's check of their own notebook inside a student pack: the grader itself (same assembly of cells, same
/// screen, same kernel and limits) against the pack's pristine copy of the released notebook, so only visible tests run.
/// </summary>
internal static class SelfCheck
{
    /// <summary>Where a pack keeps the released notebooks as they were handed out, beside the student's working copies.</summary>
    public const string ReleasedFolder = ".dlcourse/released";

    /// <summary>Grades <paramref name="notebook"/> as the grader will, with the visible tests; throws <see cref="PackException"/> outside a pack.</summary>
    public static async Task<QuestionResult> RunAsync(string notebook, double cellTimeoutSeconds, CancellationToken cancellation = default)
    {
        var path = Path.GetFullPath(notebook);
        if (!File.Exists(path)) throw new FileNotFoundException($"{notebook} does not exist.", notebook);
        var root = PackRoot(path) ?? throw new PackException(
            $"{notebook} is not inside a student pack (a folder written by `dlcourse release`, with {StudentPack.Marker} at its top).");
        var relative = Path.GetRelativePath(root, path);
        var released = Path.Combine(root, ReleasedFolder, relative);
        if (!File.Exists(released)) throw new PackException($"{relative} is not one of the pack's notebooks (no {Path.Combine(ReleasedFolder, relative)}).");

        // The grader hides the submissions and its output while student code runs, so both live in a folder of their own.
        var work = Directory.CreateTempSubdirectory("dlcourse-self-check-").FullName;
        try
        {
            var submission = Path.Combine(work, "submission");
            Directory.CreateDirectory(submission);
            File.Copy(path, Path.Combine(submission, Path.GetFileName(path)));
            var options = new GradeOptions(released, submission, Path.Combine(work, "out"), Jobs: 1, CellTimeoutSeconds: cellTimeoutSeconds, Single: true,
                Caches: StudentCaches.OfThisUser(), Against: JudgeAgainst.OwnRun);
            var results = await new Grader(new RunnerExecutor(), options).GradeAllAsync(cancellation: cancellation);
            return results.Single().Questions.Single();
        }
        finally
        {
            try { Directory.Delete(work, recursive: true); } catch (IOException) { } catch (UnauthorizedAccessException) { }
        }
    }

    private static string? PackRoot(string path)
    {
        for (var dir = Path.GetDirectoryName(path); dir is not null; dir = Path.GetDirectoryName(dir))
            if (File.Exists(Path.Combine(dir, StudentPack.Marker))) return dir;
        return null;
    }
}
