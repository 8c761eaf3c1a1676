using System.Text.Json;
using DlCourse.Cli.Grading.Late;
using DlCourse.Cli.Grading.Results;
using DlCourse.Cli.Notebooks;

namespace DlCourse.Cli.Grading;

/// <summary>An assignment graded: its notebook folder and its title in the LMS (the course file's, else the folder's name).</summary>
public sealed record GradedAssignment(string Name, string Title);

/// <summary>
/// What a grading run graded, saved as <c>&lt;grades&gt;/questions.json</c>: the source notebooks in order, and each written
/// question with its model answer and rubric, and the assignments with their titles, so that <c>dlcourse review</c> and
/// <c>dlcourse export --gradebook</c> need only the grades folder.
/// </summary>
public sealed record GradesIndex(IReadOnlyList<string> Notebooks, IReadOnlyList<WrittenQuestion> Written, IReadOnlyList<GradedAssignment>? Assignments = null)
{
    public const string FileName = "questions.json";

    private static readonly JsonSerializerOptions Json = new()
    {
        WriteIndented = true, PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower,
        Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    /// <summary>Reads every notebook under <paramref name="source"/> (a notebook or a folder, as given to <c>grade</c>);
    /// <paramref name="course"/>, when given, titles the assignments.</summary>
    internal static GradesIndex FromSource(string source, CourseFile? course = null)
    {
        var notebooks = NotebookPaths.Expand([source]).ToList();
        var assignments = notebooks.Select(n => AssignmentScore.AssignmentOf(n.Source)).Distinct()
            .Select(a => new GradedAssignment(a, course?.Assignment(a)?.Title ?? a)).ToList();
        return new GradesIndex(notebooks.Select(n => n.Relative).ToList(),
            notebooks.SelectMany(n => WrittenAnswers.Questions(Notebook.Load(n.Source), n.Relative)).ToList(), assignments);
    }

    public void Save(string gradesDir) => AtomicFile.WriteAllText(Path.Combine(gradesDir, FileName), JsonSerializer.Serialize(this, Json) + "\n");

    /// <summary>The index in <paramref name="gradesDir"/>, or null when that folder was graded before it existed.</summary>
    public static GradesIndex? Load(string gradesDir)
    {
        var path = Path.Combine(gradesDir, FileName);
        if (!File.Exists(path)) return null;
        try { return JsonSerializer.Deserialize<GradesIndex>(File.ReadAllText(path), Json); }
        catch (JsonException e) { throw new InvalidDataException($"{path} is not valid JSON ({e.Message}); run dlcourse grade again to rewrite it.", e); }
    }
}
