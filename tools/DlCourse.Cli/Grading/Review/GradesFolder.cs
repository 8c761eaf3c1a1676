using DlCourse.Cli.Grading.Manual;
using DlCourse.Cli.Grading.Results;
using DlCourse.Cli.Notebooks;

namespace DlCourse.Cli.Grading.Review;

/// <summary>
/// The output of <c>dlcourse grade</c>, opened for review: every student's results, the written questions and the manual
/// scores. <see cref="Save"/> records one score and rewrites what depends on it, each file atomically.
/// </summary>
public sealed class GradesFolder
{
    private readonly List<GradedStudent> students;
    private readonly object saving = new();

    private GradesFolder(string root, GradesIndex index, List<GradedStudent> students, ManualScores scores) =>
        (Root, Index, this.students, Scores) = (root, index, students, scores);

    public string Root { get; }

    /// <summary>The notebooks graded and the written questions, with their model answers and rubrics.</summary>
    public GradesIndex Index { get; }

    /// <summary>Students in name order.</summary>
    public IReadOnlyList<GradedStudent> Students { get { lock (saving) return students.ToList(); } }

    public ManualScores Scores { get; }

    /// <summary>Reads a grades folder; <paramref name="source"/>, when given, supplies the model answers and rubrics instead of questions.json.</summary>
    /// <exception cref="ReviewException">The folder is missing, holds no graded students, or no written answers.</exception>
    public static GradesFolder Open(string root, string? source = null)
    {
        var full = Path.GetFullPath(root);
        if (!Directory.Exists(full)) throw new ReviewException($"{root}: no such grades folder; run `dlcourse grade --out {root}` first.");
        // The students first (a folder without any is the commoner mistake), then what was asked of them.
        ManualScores scores;
        List<GradedStudent> students;
        try
        {
            scores = ManualScores.Load(full);
            students = GradedStudents.Load(full, scores);
        }
        catch (InvalidDataException e) { throw new ReviewException(e.Message); }

        GradesIndex index;
        try
        {
            index = source is not null ? GradesIndex.FromSource(source)
                : GradesIndex.Load(full) ?? throw new ReviewException($"{root} has no {GradesIndex.FileName} (it was graded by an older dlcourse): pass --source, or grade again.");
        }
        catch (Exception e) when (e is InvalidDataException or NotebookFormatException) { throw new ReviewException(e.Message); }


        var asked = index.Written.Select(q => (q.Notebook, q.GradeId)).ToHashSet();
        if (asked.Count == 0 || !students.Any(s => s.Result.Questions.SelectMany(q => q.Written).Any(w => asked.Contains((w.Notebook, w.GradeId)))))
            throw new ReviewException($"no written answers found in {root}: a written answer is a Markdown cell with nbgrader metadata " +
                "\"solution\": true, \"grade\": true and \"points\"; add one to the source and grade again.");
        return new GradesFolder(full, index, students, scores);
    }

    /// <summary>The student's answer to a question, as last graded, with its merged score; null when they have none.</summary>
    public WrittenResult? Answer(string student, string notebook, string gradeId) =>
        Students.FirstOrDefault(s => s.Result.Student == student)?.Result.Questions
            .SelectMany(q => q.Written).FirstOrDefault(w => w.Notebook == notebook && w.GradeId == gradeId);

    /// <summary>
    /// Records (or, with null <paramref name="points"/>, clears) a score for the answer whose text hashes to <paramref name="answerHash"/>;
    /// saves manual-scores.json, then rewrites that student's results.json, feedback.html and grading.json, and the gradebook.
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException">The points are not a finite number from 0 to the question's maximum.</exception>
    /// <exception cref="ReviewException">No such answer, or its text changed since the page showed it.</exception>
    public WrittenResult Save(string student, string notebook, string gradeId, string answerHash, double? points, string comment)
    {
        lock (saving)
        {
            int i = students.FindIndex(s => s.Result.Student == student);
            if (i < 0) throw new ReviewException($"no graded student {student} in {Root}.");
            var answer = Answer(student, notebook, gradeId) ?? throw new ReviewException($"{student} has no written answer {gradeId} in {notebook}.");
            if (answer.AnswerHash != answerHash)
                throw new ReviewException($"{student}'s answer to {gradeId} changed since the page was loaded; reload the page.");
            if (points is { } p) Scores.Set(student, notebook, gradeId, new ManualScore(p, comment, answerHash, DateTimeOffset.UtcNow), answer.MaxScore);
            else Scores.Remove(student, notebook, gradeId);
            Scores.Save(Root);

            var merged = ManualMerge.Apply(students[i].Result, Scores);
            students[i] = students[i] with { Result = merged };
            GradedFiles.WriteStudent(students[i].Out, merged, FeedbackPages.Existing(students[i].Out, merged.Questions.Select(q => q.Notebook)));
            GradedFiles.WriteGradebook(Root, students.Select(s => s.Result), Index.Notebooks);
            return merged.Questions.SelectMany(q => q.Written).First(w => w.Notebook == notebook && w.GradeId == gradeId);
        }
    }
}
