using System.Text.Json.Nodes;
using DlCourse.Cli.Notebooks;
using DlCourse.Tests.Support;

namespace DlCourse.Tests.Export;

/// <summary>Small executed notebooks for export tests: a title and one code cell with the given outputs.</summary>
public static class TestNotebooks
{
    public static JsonObject Display(JsonObject data) => CellOutputs.DisplayData(data.Select(kv => KeyValuePair.Create(kv.Key, (string)kv.Value!)));

    public static string Write(string path, params JsonObject[] outputs)
    {
        var notebook = TestNotebook.Create("md:# A test notebook", "display(x)");
        var cell = notebook.Cells[1];
        foreach (var output in outputs) cell.Outputs.Add(output);
        cell.ExecutionCount = 1;
        notebook.Save(path);
        return path;
    }
}
