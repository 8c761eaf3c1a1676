using System.Text.Json;
using System.Text.Json.Serialization;

namespace DlCourse.Cli.Grading.Manual;

/// <summary>
/// Every manual score of one grades folder, in <c>&lt;grades&gt;/manual-scores.json</c>, keyed by student, notebook and grade_id.
/// One file, so that a rerun of <c>dlcourse grade</c> and <c>dlcourse review</c> read the same scores; saved atomically.
/// </summary>
public sealed class ManualScores
{
    public const string FileName = "manual-scores.json";

    private static readonly JsonSerializerOptions Json = new()
    {
        WriteIndented = true, PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower,
        DefaultIgnoreCondition = JsonIgnoreCondition.Never,
        Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    // student → notebook → grade_id; sorted so that the file diffs well between saves.
    private readonly SortedDictionary<string, SortedDictionary<string, SortedDictionary<string, ManualScore>>> scores = new(StringComparer.Ordinal);

    /// <summary>The scores in <paramref name="gradesDir"/>; none when the file does not exist yet.</summary>
    /// <exception cref="InvalidDataException">The file is not valid; nothing is guessed, so that no score is lost silently.</exception>
    public static ManualScores Load(string gradesDir)
    {
        var path = Path.Combine(gradesDir, FileName);
        var loaded = new ManualScores();
        if (!File.Exists(path)) return loaded;
        Document? document;
        try { document = JsonSerializer.Deserialize<Document>(File.ReadAllText(path), Json); }
        catch (JsonException e) { throw new InvalidDataException($"{path} is not valid JSON ({e.Message}); fix it or restore it from a backup.", e); }
        foreach (var (student, notebooks) in document?.Students ?? new())
        foreach (var (notebook, answers) in notebooks ?? new())
        foreach (var (gradeId, score) in answers ?? new())
        {
            if (score is null || !double.IsFinite(score.Points) || score.Points < 0 || string.IsNullOrEmpty(score.AnswerHash))
                throw new InvalidDataException($"{path}: the score of {student}, {notebook}, {gradeId} needs finite non-negative points and an answer_hash.");
            loaded.Put(student, notebook, gradeId, score with { Comment = score.Comment ?? "" });
        }
        return loaded;
    }

    /// <summary>The score given to <paramref name="gradeId"/> of <paramref name="student"/>'s <paramref name="notebook"/>, or null.</summary>
    public ManualScore? Get(string student, string notebook, string gradeId) =>
        scores.GetValueOrDefault(student)?.GetValueOrDefault(notebook)?.GetValueOrDefault(gradeId);

    /// <summary>Records a score after checking its points against the question's <paramref name="maxScore"/>.</summary>
    public void Set(string student, string notebook, string gradeId, ManualScore score, double maxScore)
    {
        ManualScore.Validate(score.Points, maxScore, gradeId);
        Put(student, notebook, gradeId, score);
    }

    /// <summary>Forgets a score, so that the answer is pending again.</summary>
    public bool Remove(string student, string notebook, string gradeId) =>
        scores.GetValueOrDefault(student)?.GetValueOrDefault(notebook)?.Remove(gradeId) == true;

    /// <summary>How many scores are recorded.</summary>
    public int Count => scores.Values.Sum(n => n.Values.Sum(a => a.Count));

    /// <summary>Writes <c>manual-scores.json</c> into <paramref name="gradesDir"/> atomically (temporary file, then rename).</summary>
    public void Save(string gradesDir)
    {
        var students = new Dictionary<string, Dictionary<string, Dictionary<string, ManualScore>>>();
        foreach (var (student, notebooks) in scores)
        {
            var kept = notebooks.Where(n => n.Value.Count > 0).ToDictionary(n => n.Key, n => new Dictionary<string, ManualScore>(n.Value));
            if (kept.Count > 0) students[student] = kept;
        }
        var document = new Document(1, students);
        AtomicFile.WriteAllText(Path.Combine(gradesDir, FileName), JsonSerializer.Serialize(document, Json) + "\n");
    }

    private void Put(string student, string notebook, string gradeId, ManualScore score)
    {
        if (!scores.TryGetValue(student, out var notebooks)) scores[student] = notebooks = new(StringComparer.Ordinal);
        if (!notebooks.TryGetValue(notebook, out var answers)) notebooks[notebook] = answers = new(StringComparer.Ordinal);
        answers[gradeId] = score;
    }

    // Nulls in a hand-edited file are read as "nothing there" (see Load), whatever the annotations say.
    private sealed record Document(int Version, Dictionary<string, Dictionary<string, Dictionary<string, ManualScore>>> Students);
}
