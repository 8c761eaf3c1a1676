using System.Text.Json;
using System.Text.Json.Nodes;

namespace DlCourse.Cli.Notebooks;

/// <summary>
/// The types of every field the kit reads from a notebook, checked once when it is parsed, so that no later reader
/// meets a number where it expects a string (a hostile or broken notebook is refused with the field named, instead of
/// throwing deep inside the grader).
/// </summary>
internal static class NotebookShape
{
    private static readonly HashSet<string> CellTypes = ["code", "markdown", "raw"];

    /// <summary>The first field of the wrong type, as "where: what", or null when every field the kit reads is well-typed.</summary>
    public static string? Problem(JsonObject root)
    {
        if (Object(root, "metadata", "metadata") is { } bad) return bad;
        if (root["metadata"] is JsonObject meta)
        {
            foreach (var key in new[] { "kernelspec", "language_info", "dlcourse", "polyglot_notebook" })
                if (Object(meta, key, $"metadata.{key}") is { } why) return why;
            var typed = Strings(meta["kernelspec"], "metadata.kernelspec", "name", "language", "display_name")
                        ?? Strings(meta["language_info"], "metadata.language_info", "name");
            if (typed is not null) return typed;
        }
        var cells = (JsonArray)root["cells"]!;
        for (var i = 0; i < cells.Count; i++)
            if (Cell((JsonObject)cells[i]!) is { } why) return $"cell {i + 1}: {why}";
        return null;
    }

    private static string? Cell(JsonObject cell)
    {
        if (!(cell["cell_type"] is JsonValue t && t.TryGetValue(out string? type) && CellTypes.Contains(type)))
            return "\"cell_type\" must be \"code\", \"markdown\" or \"raw\"";
        if (!IsMultiline(cell["source"])) return "\"source\" must be a string or a list of strings";
        if (Object(cell, "metadata", "metadata") is { } bad) return bad;
        if (cell["outputs"] is not (null or JsonArray)) return "\"outputs\" must be a list";
        if (cell["outputs"] is JsonArray outputs && outputs.Any(o => o is not JsonObject)) return "every output must be an object";
        if (cell["execution_count"] is { } count && !(count is JsonValue n && n.GetValueKind() == JsonValueKind.Number && n.TryGetValue(out int _)))
            return "\"execution_count\" must be a whole number or null";
        if (cell["metadata"] is not JsonObject meta) return null;
        foreach (var key in new[] { "nbgrader", "dlcourse", "polyglot_notebook", "dotnet_interactive" })
            if (Object(meta, key, $"metadata.{key}") is { } why) return why;
        return Strings(meta["nbgrader"], "metadata.nbgrader", "grade_id")
               ?? Booleans(meta["nbgrader"], "metadata.nbgrader", "solution", "grade", "locked")
               ?? (meta["nbgrader"]?["points"] is JsonValue p && p.GetValueKind() != JsonValueKind.Number ? "\"metadata.nbgrader.points\" must be a number" : null)
               ?? Strings(meta["dlcourse"], "metadata.dlcourse", "rubric")
               ?? Booleans(meta["dlcourse"], "metadata.dlcourse", "hidden")
               ?? Strings(meta["polyglot_notebook"], "metadata.polyglot_notebook", "kernelName")
               ?? Strings(meta["dotnet_interactive"], "metadata.dotnet_interactive", "language");
    }

    private static string? Object(JsonObject parent, string key, string where) =>
        parent[key] is null or JsonObject ? null : $"\"{where}\" must be an object";

    private static string? Strings(JsonNode? parent, string where, params string[] keys) =>
        keys.Where(k => parent?[k] is { } v && !(v is JsonValue s && s.GetValueKind() == JsonValueKind.String))
            .Select(k => $"\"{where}.{k}\" must be a string").FirstOrDefault();

    private static string? Booleans(JsonNode? parent, string where, params string[] keys) =>
        keys.Where(k => parent?[k] is { } v && !(v is JsonValue b && b.GetValueKind() is JsonValueKind.True or JsonValueKind.False))
            .Select(k => $"\"{where}.{k}\" must be true or false").FirstOrDefault();

    private static bool IsMultiline(JsonNode? node) => node switch
    {
        null => true,
        JsonValue v => v.GetValueKind() == JsonValueKind.String,
        JsonArray lines => lines.All(l => l is JsonValue s && s.GetValueKind() == JsonValueKind.String),
        _ => false,
    };
}
