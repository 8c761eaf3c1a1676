using System.Text.Json;
using DlCourse.Cli.Notebooks;

namespace DlCourse.Cli.Grading;

/// <summary>
/// What a grading run graded, saved as <c>&lt;grades&gt;/questions.json</c>: the source notebooks in order, and each written
/// question with its model answer and rubric, so that <c>dlcourse review</c> needs only the grades folder.
/// </summary>
public sealed record GradesIndex(IReadOnlyList<string> Notebooks, IReadOnlyList<WrittenQuestion> Written)
{
    public const string FileName = "questions.json";

    private static readonly JsonSerializerOptions Json = new()
    {
        WriteIndented = true, PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower,
        Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    /// <summary>Reads every notebook under <paramref name="source"/> (a notebook or a folder, as given to <c>grade</c>).</summary>
    internal static GradesIndex FromSource(string source)
    {
        var notebooks = NotebookPaths.Expand([source]).ToList();
        return new GradesIndex(notebooks.Select(n => n.Relative).ToList(),
            notebooks.SelectMany(n => WrittenAnswers.Questions(Notebook.Load(n.Source), n.Relative)).ToList());
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
