using System.Text.Json.Nodes;

namespace DlCourse.Tests.Export;

/// <summary>Small nbformat 4 notebooks written by tests: one executed code cell with the given outputs.</summary>
public static class TestNotebooks
{
    public static JsonObject Display(JsonObject data) =>
        new() { ["output_type"] = "display_data", ["data"] = data, ["metadata"] = new JsonObject() };

    public static string Write(string path, params JsonObject[] outputs)
    {
        var notebook = new JsonObject
        {
            ["nbformat"] = 4, ["nbformat_minor"] = 5,
            ["metadata"] = new JsonObject { ["kernelspec"] = new JsonObject { ["name"] = ".net-csharp", ["display_name"] = ".NET (C#)", ["language"] = "C#" } },
            ["cells"] = new JsonArray(
                new JsonObject { ["cell_type"] = "markdown", ["id"] = "m1", ["metadata"] = new JsonObject(), ["source"] = "# A test notebook" },
                new JsonObject
                {
                    ["cell_type"] = "code", ["id"] = "c1", ["metadata"] = new JsonObject(), ["execution_count"] = 1,
                    ["source"] = "display(x)", ["outputs"] = new JsonArray(outputs.Select(o => (JsonNode)o).ToArray()),
                }),
        };
        File.WriteAllText(path, notebook.ToJsonString());
        return path;
    }
}
