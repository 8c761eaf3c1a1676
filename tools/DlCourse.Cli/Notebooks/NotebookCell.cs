using System.Text.Json.Nodes;

namespace DlCourse.Cli.Notebooks;

public enum CellKind { Code, Markdown, Raw }

/// <summary>One cell of a notebook, a view over its JSON so that fields we don't know about survive a round trip.</summary>
public sealed class NotebookCell
{
    internal NotebookCell(JsonObject node, int index, string defaultLanguage)
    {
        Node = node;
        Index = index;
        DefaultLanguage = defaultLanguage;
    }

    internal JsonObject Node { get; }

    private string DefaultLanguage { get; }

    /// <summary>Position in the notebook, from 0.</summary>
    public int Index { get; }

    public CellKind Kind => (string?)Node["cell_type"] switch
    {
        "code" => CellKind.Code,
        "markdown" => CellKind.Markdown,
        _ => CellKind.Raw,
    };

    /// <summary>The cell's text; nbformat allows a string or a list of lines, and we write lines as VS Code does.</summary>
    public string Source
    {
        get => MultilineText.Read(Node["source"]);
        set => Node["source"] = MultilineText.ToLines(value);
    }

    public JsonObject Metadata => Node["metadata"] as JsonObject ?? (JsonObject)(Node["metadata"] = new JsonObject());

    /// <summary>The kernel that runs a code cell: Polyglot's per-cell kernel name, else the notebook default.</summary>
    public string Language =>
        (string?)Metadata["polyglot_notebook"]?["kernelName"]
        ?? (string?)Metadata["dotnet_interactive"]?["language"]
        ?? DefaultLanguage;

    /// <summary>A code cell's outputs; other cells have none, and get a detached empty list so reading never adds a field.</summary>
    public JsonArray Outputs => Kind != CellKind.Code ? [] : Node["outputs"] as JsonArray ?? (JsonArray)(Node["outputs"] = new JsonArray());

    public int? ExecutionCount
    {
        get => Node["execution_count"]?.GetValue<int>();
        set => Node["execution_count"] = value;
    }

    public void ClearOutputs()
    {
        if (Kind != CellKind.Code) return;
        Outputs.Clear();
        ExecutionCount = null;
    }
}
