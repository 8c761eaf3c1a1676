using DlCourse.Cli.Notebooks;

namespace DlCourse.Cli.Grading.Similarity;

/// <summary>Reads what students handed in as the grader does (<see cref="SubmissionFiles"/>, <see cref="SubmissionAssembler"/>): solution cells by grade_id, the first of a repeated one.</summary>
/// <remarks>A notebook that cannot be read becomes a note, and the rest is still compared.</remarks>
internal static class SubmittedAnswers
{
    /// <summary>The student folders under <paramref name="submissions"/> (by name; hidden ones, links and the output folder left out).</summary>
    public static IReadOnlyList<(string Name, string Root)> Students(string submissions, string outDir)
    {
        if (!Directory.Exists(submissions)) throw new DirectoryNotFoundException($"{submissions}: no such submissions folder.");
        var students = Directory.EnumerateDirectories(Path.GetFullPath(submissions), "*", SubmissionFiles.TopLevel)
            .Where(d => !Path.GetFileName(d).StartsWith('.') && !Paths.IsInside(d, outDir) && !Paths.IsInside(outDir, d))
            .Order(StringComparer.Ordinal).Select(d => (Path.GetFileName(d), d)).ToList();
        if (students.Count == 0) throw new InvalidDataException($"{submissions}: no student folders (the submissions folder holds one folder per student).");
        return students;
    }

    /// <summary>For each question (by index in <paramref name="questions"/>), the student's answer cells, or null when they gave none.</summary>
    public static IReadOnlyList<AnswerCell>?[] Read(string root, string submissions, IReadOnlyList<Question> questions, List<string> notes)
    {
        var answers = new IReadOnlyList<AnswerCell>?[questions.Count];
        foreach (var notebook in questions.Select(q => q.Notebook).Distinct())
        {
            if (Load(root, submissions, notebook, notes) is not { } cells) continue;
            for (var q = 0; q < questions.Count; q++)
            {
                if (questions[q].Notebook != notebook) continue;
                var answer = questions[q].Cells.Where(id => cells.ContainsKey(id) && questions[q].IsAnswer(id, cells[id]))
                    .Select(id => new AnswerCell(id, cells[id])).ToList();
                if (answer.Count > 0) answers[q] = answer;
            }
        }
        return answers;
    }

    // The student's solution cells of one notebook by grade_id, or null when they did not hand it in or it cannot be read.
    private static Dictionary<string, string>? Load(string root, string submissions, string relative, List<string> notes)
    {
        var path = SubmissionFiles.Find(root, relative);
        if (path is null) return null;
        var shown = Path.GetRelativePath(Path.GetFullPath(submissions), path).Replace('\\', '/');
        if (SubmissionFiles.Problem(root, path) is { } problem)
        {
            notes.Add($"{shown}: not compared: {problem}.");
            return null;
        }
        try
        {
            var cells = new Dictionary<string, string>(StringComparer.Ordinal);
            foreach (var cell in Notebook.Parse(File.ReadAllText(path), shown).Cells)
                if (GradingCell.Of(cell) is { IsSolution: true, GradeId: { } id }) cells.TryAdd(id, Question.Text(cell.Source));
            return cells;
        }
        catch (Exception e) when (e is NotebookFormatException or IOException or UnauthorizedAccessException or InvalidOperationException)
        {
            notes.Add($"{(e is NotebookFormatException ? e.Message : $"{shown}: {e.Message}")}; not compared.");
            return null;
        }
    }
}
