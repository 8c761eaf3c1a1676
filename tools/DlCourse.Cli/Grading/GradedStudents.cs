using DlCourse.Cli.Grading.Manual;
using DlCourse.Cli.Grading.Results;

namespace DlCourse.Cli.Grading;

/// <summary>One graded student as found in the grades folder: where their files are, and their results with the manual scores merged.</summary>
public sealed record GradedStudent(string Out, SubmissionResult Result);

/// <summary>The students of a grades folder, read back from their <c>grading.json</c>: what <c>review</c> and <c>export --gradebook</c> start from.</summary>
internal static class GradedStudents
{
    /// <summary>Every student graded into <paramref name="root"/> (a single submission is graded into the folder itself), in name order.</summary>
    /// <exception cref="InvalidDataException">The folder is missing, holds no graded students, or a student's results cannot be read.</exception>
    public static List<GradedStudent> Load(string root, ManualScores scores)
    {
        var full = Path.GetFullPath(root);
        if (!Directory.Exists(full)) throw new InvalidDataException($"{root}: no such grades folder; run `dlcourse grade --out {root}` first.");
        var files = new[] { Path.Combine(full, GradedFiles.InternalResults) }.Where(File.Exists)
            .Concat(Directory.EnumerateDirectories(full).Order(StringComparer.Ordinal)
                .Select(d => Path.Combine(d, GradedFiles.InternalResults)).Where(File.Exists)).ToList();
        if (files.Count == 0) throw new InvalidDataException($"{root} holds no graded students (no {GradedFiles.InternalResults}): run `dlcourse grade --out {root}` first.");
        var students = files.Select(file => new GradedStudent(Path.GetDirectoryName(file)!, ManualMerge.Apply(
            ResultsWriter.ReadInternal(file) ?? throw new InvalidDataException($"{file} cannot be read; run `dlcourse grade` again."), scores))).ToList();
        students.Sort((a, b) => string.CompareOrdinal(a.Result.Student, b.Result.Student));
        return students;
    }
}
