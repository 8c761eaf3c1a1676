using System.Text.Json;
using System.Text.Json.Nodes;

namespace DlCourse.Cli.Export;

/// <summary>The parts of an nbformat 4 notebook the exporter shows, read with System.Text.Json.</summary>
/// <remarks>Temporary until the shared notebook model lands; the renderer only sees these records.</remarks>
public sealed record ExportNotebook(string Path, string Name, IReadOnlyList<ExportCell> Cells, JsonObject Metadata)
{
    /// <summary>True when no code cell was run: the export then says so instead of showing empty outputs.</summary>
    public bool WasExecuted => Cells.Any(c => c.Kind == "code" && (c.ExecutionCount is not null || c.Outputs.Count > 0));

    /// <summary>Reads a notebook file; throws <see cref="ExportException"/> with a one-line reason when it is missing or malformed.</summary>
    public static ExportNotebook Load(string path)
    {
        if (!File.Exists(path)) throw new ExportException($"notebook not found: {path}");
        JsonNode? root;
        try { root = JsonNode.Parse(File.ReadAllText(path)); }
        catch (JsonException e) { throw new ExportException($"{path} is not a notebook: invalid JSON ({e.Message})"); }
        if (root is not JsonObject nb || nb["cells"] is not JsonArray cells || nb["nbformat"]?.GetValue<int>() is not 4)
            throw new ExportException($"{path} is not an nbformat 4 notebook (expected a JSON object with \"nbformat\": 4 and \"cells\")");
        try
        {
            var list = cells.Select((c, i) => ReadCell(c as JsonObject ?? throw new FormatException($"cell {i} is not an object"))).ToList();
            return new ExportNotebook(path, System.IO.Path.GetFileNameWithoutExtension(path), list, nb["metadata"] as JsonObject ?? new JsonObject());
        }
        catch (Exception e) when (e is FormatException or InvalidOperationException)
        {
            throw new ExportException($"{path} is not a valid notebook: {e.Message}");
        }
    }

    private static ExportCell ReadCell(JsonObject c)
    {
        var kind = c["cell_type"]?.GetValue<string>() ?? throw new FormatException("a cell has no cell_type");
        var metadata = c["metadata"] as JsonObject ?? new JsonObject();
        var language = metadata["polyglot_notebook"]?["kernelName"]?.GetValue<string>()
                       ?? metadata["dotnet_interactive"]?["language"]?.GetValue<string>() ?? "csharp";
        var outputs = (c["outputs"] as JsonArray ?? []).Select(o => ReadOutput(o as JsonObject ?? throw new FormatException("an output is not an object"))).ToList();
        var attachments = new Dictionary<string, IReadOnlyDictionary<string, string>>();
        if (c["attachments"] is JsonObject att)
            foreach (var (name, bundle) in att)
                attachments[name] = ReadBundle(bundle as JsonObject);
        return new ExportCell(kind, MultilineText(c["source"]), language, c["execution_count"]?.GetValue<int>(), outputs, attachments, metadata);
    }

    private static ExportOutput ReadOutput(JsonObject o)
    {
        var type = o["output_type"]?.GetValue<string>() ?? throw new FormatException("an output has no output_type");
        return new ExportOutput(type,
            Name: o["name"]?.GetValue<string>(),
            Text: o["text"] is null ? null : MultilineText(o["text"]),
            Data: ReadBundle(o["data"] as JsonObject),
            EName: o["ename"]?.GetValue<string>(),
            EValue: o["evalue"]?.GetValue<string>(),
            Traceback: (o["traceback"] as JsonArray)?.Select(t => t?.GetValue<string>() ?? "").ToList());
    }

    // nbformat stores JSON MIME types (application/*+json) as objects and everything else as (lists of) strings.
    private static IReadOnlyDictionary<string, string> ReadBundle(JsonObject? data) =>
        data?.ToDictionary(kv => kv.Key, kv => kv.Value is JsonObject or JsonArray && kv.Key.EndsWith("json", StringComparison.Ordinal)
            ? kv.Value.ToJsonString() : MultilineText(kv.Value)) ?? new Dictionary<string, string>();

    private static string MultilineText(JsonNode? node) => node switch
    {
        null => "",
        JsonArray lines => string.Concat(lines.Select(l => l?.GetValue<string>())),
        JsonValue v when v.TryGetValue(out string? s) => s,
        _ => node.ToJsonString(),
    };
}

/// <summary>One cell: its kind (markdown, code, raw), source, language and outputs.</summary>
public sealed record ExportCell(string Kind, string Source, string Language, int? ExecutionCount,
    IReadOnlyList<ExportOutput> Outputs, IReadOnlyDictionary<string, IReadOnlyDictionary<string, string>> Attachments, JsonObject Metadata);

/// <summary>One output: stream (Name, Text), display_data/execute_result (Data by MIME type) or error.</summary>
public sealed record ExportOutput(string Type, string? Name, string? Text, IReadOnlyDictionary<string, string> Data,
    string? EName, string? EValue, IReadOnlyList<string>? Traceback);
