using System.Text.Json.Nodes;

namespace DlCourse.Cli.Notebooks;

/// <summary>Builds nbformat outputs in the shapes VS Code writes: stream, display_data and error.</summary>
public static class CellOutputs
{
    public static JsonObject Stream(string name, string text) => new()
    {
        ["name"] = name,
        ["output_type"] = "stream",
        ["text"] = MultilineText.ToLines(text),
    };

    /// <summary>A rich value; MIME types ending in "json" hold JSON itself, the rest hold text, as nbformat asks.</summary>
    public static JsonObject DisplayData(IEnumerable<KeyValuePair<string, string>> data)
    {
        var bundle = new JsonObject();
        foreach (var (mime, value) in data) bundle[mime] = IsJson(mime) ? ParseOrText(value) : MultilineText.ToLines(value);
        return new JsonObject { ["data"] = bundle, ["metadata"] = new JsonObject(), ["output_type"] = "display_data" };
    }

    public static JsonObject Error(string name, string message, IEnumerable<string>? traceback = null) => new()
    {
        ["ename"] = name,
        ["evalue"] = message,
        ["output_type"] = "error",
        ["traceback"] = new JsonArray((traceback ?? [message]).Select(line => (JsonNode)line).ToArray()),
    };

    /// <summary>The output cut to about <paramref name="maxChars"/>: an error keeps its name and the start of its message and
    /// traceback, stream text its beginning, and a larger display becomes a note that it was left out.</summary>
    public static JsonObject Clip(JsonObject output, int maxChars)
    {
        var size = Size(output);
        if (size <= maxChars) return output;
        switch ((string?)output["output_type"])
        {
            case "error":
                var trace = new List<string>();
                var room = maxChars / 2;
                foreach (var line in output["traceback"]?.AsArray().Select(l => l is JsonValue v && v.TryGetValue(out string? t) ? t : "") ?? [])
                {
                    if (line.Length + 1 > room) { trace.Add("[dlcourse: traceback truncated]"); break; }
                    trace.Add(line);
                    room -= line.Length + 1;
                }
                return Error(Cut((string?)output["ename"] ?? "Error", 200), Cut((string?)output["evalue"] ?? "", maxChars / 2), trace);
            case "stream":
                return Stream((string?)output["name"] ?? "stdout", Cut(MultilineText.Read(output["text"]), maxChars));
            default:
                return Stream("stderr", $"[dlcourse: an output of {size:N0} characters was left out]\n");
        }
    }

    private static string Cut(string s, int max) => s.Length <= max ? s : s[..max] + "…";

    /// <summary>Total characters of an output's text, used to cap runaway outputs.</summary>
    public static int Size(JsonObject output) => output.ToJsonString().Length;

    private static bool IsJson(string mime) => mime.StartsWith("application/", StringComparison.Ordinal) && mime.EndsWith("json", StringComparison.Ordinal);

    private static JsonNode ParseOrText(string value)
    {
        try { return JsonNode.Parse(value) ?? MultilineText.ToLines(value); }
        catch (System.Text.Json.JsonException) { return MultilineText.ToLines(value); }
    }
}
