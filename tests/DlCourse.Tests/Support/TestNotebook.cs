using System.Text.Json.Nodes;
using DlCourse.Cli.Notebooks;

namespace DlCourse.Tests.Support;

/// <summary>Builds small Polyglot notebooks for tests: plain strings are C# cells, "md:" starts a markdown cell.</summary>
public static class TestNotebook
{
    public static string Json(params string[] cells)
    {
        var list = new JsonArray();
        foreach (var text in cells)
        {
            var markdown = text.StartsWith("md:", StringComparison.Ordinal);
            var cell = new JsonObject
            {
                ["cell_type"] = markdown ? "markdown" : "code",
                ["metadata"] = markdown ? new JsonObject() : new JsonObject
                {
                    ["dotnet_interactive"] = new JsonObject { ["language"] = "csharp" },
                    ["polyglot_notebook"] = new JsonObject { ["kernelName"] = "csharp" },
                },
                ["source"] = MultilineText.ToLines(markdown ? text[3..] : text),
            };
            if (!markdown)
            {
                cell["execution_count"] = null;
                cell["outputs"] = new JsonArray();
            }
            list.Add(cell);
        }
        return new JsonObject
        {
            ["cells"] = list,
            ["metadata"] = new JsonObject
            {
                ["kernelspec"] = new JsonObject { ["display_name"] = ".NET (C#)", ["language"] = "C#", ["name"] = ".net-csharp" },
                ["language_info"] = new JsonObject { ["name"] = "polyglot-notebook" },
                ["polyglot_notebook"] = new JsonObject
                {
                    ["kernelInfo"] = new JsonObject
                    {
                        ["defaultKernelName"] = "csharp",
                        ["items"] = new JsonArray(new JsonObject { ["aliases"] = new JsonArray(), ["name"] = "csharp" }),
                    },
                },
            },
            ["nbformat"] = 4,
            ["nbformat_minor"] = 5,
        }.ToJsonString();
    }

    public static Notebook Create(params string[] cells) => Notebook.Parse(Json(cells), "test.ipynb");

    /// <summary>All text of a cell's outputs (stream text, display values, error names and messages), for assertions.</summary>
    public static string OutputText(NotebookCell cell) => string.Join("\n", cell.Outputs.Select(o => o!.ToJsonString(Readable)));

    private static readonly System.Text.Json.JsonSerializerOptions Readable =
        new() { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping };
}
