using System.Text.Json;
using System.Text.Json.Serialization;
using DlCourse.Cli.Notebooks;

namespace DlCourse.Cli.Grading.Similarity;

/// <summary><c>dlcourse similarity</c>'s work: every student's answer to every question (code: all its solution cells; written: each graded Markdown answer), compared within the question.</summary>
/// <remarks>Writes <c>similarity.json</c> and <c>similarity.html</c> under the output folder, atomically, in a folder private to the user.</remarks>
public static class SimilarityChecker
{
    public const string JsonFile = "similarity.json", HtmlFile = "similarity.html";

    private static readonly JsonSerializerOptions Json = new()
    {
        WriteIndented = true, PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower,
        Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        Converters = { new JsonStringEnumConverter(JsonNamingPolicy.SnakeCaseLower) },
    };

    /// <summary>Compares and writes both files; the report's notes say which notebooks could not be read.</summary>
    public static SimilarityReport Run(SimilarityOptions options)
    {
        var (report, answers) = Analyse(options);
        // The report quotes students' work: a new output folder is private to the staff's user, as grade's is.
        if (!Directory.Exists(options.Out) && !OperatingSystem.IsWindows())
            Directory.CreateDirectory(options.Out, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
        AtomicFile.WriteAllText(Path.Combine(options.Out, JsonFile), JsonSerializer.Serialize(report, Json) + "\n");
        AtomicFile.WriteAllText(Path.Combine(options.Out, HtmlFile),
            SimilarityPage.Render(report, (pair, student) => answers[(pair.Notebook, pair.Question)][student].Cells));
        return report;
    }

    /// <summary>The report alone, nothing written: for a program that reads the pairs itself.</summary>
    public static SimilarityReport Compare(SimilarityOptions options) => Analyse(options).Report;

    /// <summary>The report, and each question's answers by student (for the page), without writing anything.</summary>
    internal static (SimilarityReport Report, Dictionary<(string Notebook, string Question), Dictionary<string, Answer>> Answers) Analyse(SimilarityOptions options)
    {
        var questions = NotebookPaths.Expand([options.Source]).OrderBy(n => n.Relative, StringComparer.Ordinal)
            .SelectMany(n => Question.Of(Notebook.Load(n.Source), n.Relative.Replace('\\', '/'))).ToList();
        if (questions.Count == 0) throw new InvalidDataException($"{options.Source}: no solution cells in the source notebooks, so nothing to compare.");
        var students = SubmittedAnswers.Students(options.Submissions, options.Out);

        // Read and tokenise each student once, in parallel; the notes keep the students' order.
        var perStudent = new Answer?[students.Count][];
        var notes = new List<string>[students.Count];
        Parallel.For(0, students.Count, new ParallelOptions { MaxDegreeOfParallelism = options.Jobs }, s =>
        {
            notes[s] = [];
            var cells = SubmittedAnswers.Read(students[s].Root, options.Submissions, questions, notes[s]);
            perStudent[s] = questions.Select((q, i) => cells[i] is { } c
                ? new Answer(students[s].Name, c, q.Tokenize(c.Select(x => x.Text).ToList()), (q.Kind == QuestionKind.Code ? options.Code : options.Written).K)
                : null).ToArray();
        });

        var summaries = new List<QuestionSummary>();
        var pairs = new List<SimilarPair>();
        var answers = new Dictionary<(string, string), Dictionary<string, Answer>>();
        for (var q = 0; q < questions.Count; q++)
        {
            var answered = perStudent.Select(a => a[q]).OfType<Answer>().ToList();
            var (summary, found) = QuestionComparison.Compare(questions[q], answered, options);
            summaries.Add(summary);
            pairs.AddRange(found);
            answers[(questions[q].Notebook, questions[q].Id)] = answered.ToDictionary(a => a.Student, StringComparer.Ordinal);
        }
        var settings = new SimilaritySettings(options.MinScore, options.Top, options.CommonFraction, options.CommonMinimum, options.Code, options.Written);
        return (new SimilarityReport(settings, students.Count, summaries, pairs, notes.SelectMany(n => n).ToList()), answers);
    }
}
