using System.Text.Json;
using System.Text.Json.Nodes;

namespace DlCourse.Cli.Grading;

/// <summary>Thin access to nbformat JSON for the grader until it moves onto the shared notebook model.</summary>
internal static class NotebookJson
{
    public static JsonObject Load(string path)
    {
        var text = File.ReadAllText(path);
        return Parse(text, path);
    }

    public static JsonObject Parse(string text, string what)
    {
        JsonNode? node;
        try { node = JsonNode.Parse(text); }
        catch (JsonException e) { throw new InvalidDataException($"{what} is not valid notebook JSON ({e.Message})", e); }
        if (node is not JsonObject nb || nb["cells"] is not JsonArray)
            throw new InvalidDataException($"{what} is not a notebook: it has no \"cells\" list");
        return nb;
    }

    public static IEnumerable<JsonObject> Cells(JsonObject nb) => ((JsonArray)nb["cells"]!).OfType<JsonObject>();

    public static string CellType(JsonObject cell) => (string?)cell["cell_type"] ?? "";

    /// <summary>nbformat stores source as a string or a list of lines; both read as one string.</summary>
    public static string Source(JsonObject cell) => cell["source"] switch
    {
        JsonArray lines => string.Concat(lines.Select(l => (string?)l ?? "")),
        JsonValue v when v.TryGetValue(out string? s) => s,
        _ => "",
    };

    public static void SetSource(JsonObject cell, string source) => cell["source"] = SplitLines(source);

    public static JsonArray SplitLines(string source)
    {
        var array = new JsonArray();
        int start = 0;
        for (int i = 0; i < source.Length; i++)
            if (source[i] == '\n') { array.Add(source[start..(i + 1)]); start = i + 1; }
        if (start < source.Length) array.Add(source[start..]);
        return array;
    }

    public static void ClearOutputs(JsonObject cell)
    {
        if (CellType(cell) != "code") return;
        cell["outputs"] = new JsonArray();
        cell["execution_count"] = null;
    }

    public static string Serialize(JsonObject nb) =>
        nb.ToJsonString(new JsonSerializerOptions { WriteIndented = true, Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping }) + "\n";

    public static void Save(JsonObject nb, string path) => AtomicFile.WriteAllText(path, Serialize(nb));
}
