using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace DlCourse.Cli.Notebooks;

/// <summary>A Polyglot notebook (.ipynb, nbformat 4) as the runner, exporter and grader share it: read, change, write.</summary>
/// <remarks>It keeps the file's JSON and exposes views over it, so metadata it does not model (nbgrader's, an editor's) survives.</remarks>
public sealed class Notebook
{
    private readonly JsonObject root;

    private Notebook(JsonObject root, string name)
    {
        this.root = root;
        Name = name;
        var language = DefaultLanguageOf(root);
        Cells = ((JsonArray)root["cells"]!).Select((c, i) => new NotebookCell((JsonObject)c!, i, language)).ToList();
    }

    /// <summary>Where the notebook came from, for messages.</summary>
    public string Name { get; }

    public IReadOnlyList<NotebookCell> Cells { get; private set; }

    public JsonObject Metadata => root["metadata"] as JsonObject ?? (JsonObject)(root["metadata"] = new JsonObject());

    public static Notebook Load(string path)
    {
        if (Directory.Exists(path)) throw new NotebookFormatException($"{path}: is a folder, not a notebook");
        if (!File.Exists(path)) throw new NotebookFormatException($"{path}: no such file");
        return Parse(File.ReadAllText(path), path);
    }

    public static Notebook Parse(string json, string name)
    {
        JsonNode? node;
        try
        {
            // A key twice in one object is refused here rather than by JsonObject at its first read, deep in a reader.
            node = JsonNode.Parse(json, documentOptions: new JsonDocumentOptions { AllowTrailingCommas = false, AllowDuplicateProperties = false });
        }
        catch (JsonException e)
        {
            throw new NotebookFormatException($"{name}: not valid JSON (line {e.LineNumber + 1}, position {e.BytePositionInLine + 1}: {FirstSentence(e.Message)})", e);
        }
        if (node is not JsonObject root) throw new NotebookFormatException($"{name}: not a notebook (the file is JSON but not an object)");
        if (root["nbformat"] is not JsonValue format || !format.TryGetValue(out int major))
            throw new NotebookFormatException($"{name}: not a notebook (no \"nbformat\" version)");
        if (major != 4) throw new NotebookFormatException($"{name}: nbformat {major} is not supported (only nbformat 4)");
        if (root["cells"] is not JsonArray cells) throw new NotebookFormatException($"{name}: not a notebook (no \"cells\" list)");
        for (var i = 0; i < cells.Count; i++)
        {
            if (cells[i] is not JsonObject cell || cell["cell_type"] is not JsonValue)
                throw new NotebookFormatException($"{name}: cell {i + 1} is not a cell object with a \"cell_type\"");
        }
        if (NotebookShape.Problem(root) is { } problem) throw new NotebookFormatException($"{name}: not a well-formed notebook ({problem})");
        return new Notebook(root, name);
    }

    public Notebook Clone(string? name = null) => new((JsonObject)root.DeepClone(), name ?? Name);

    /// <summary>Removes cells and keeps the order of the rest; used to drop hidden tests or empty cells.</summary>
    public void RemoveCells(Func<NotebookCell, bool> predicate)
    {
        var cells = (JsonArray)root["cells"]!;
        foreach (var cell in Cells.Where(predicate).ToList()) cells.Remove(cell.Node);
        Cells = cells.Select((c, i) => new NotebookCell((JsonObject)c!, i, DefaultLanguageOf(root))).ToList();
    }

    /// <summary>Replaces the cell list, e.g. to rebuild a submission from source cells; the nodes are copied.</summary>
    public void SetCells(IEnumerable<NotebookCell> cells)
    {
        var array = new JsonArray(cells.Select(c => (JsonNode)c.Node.DeepClone()).ToArray());
        root["cells"] = array;
        Cells = array.Select((c, i) => new NotebookCell((JsonObject)c!, i, DefaultLanguageOf(root))).ToList();
    }

    public void ClearOutputs()
    {
        foreach (var cell in Cells) cell.ClearOutputs();
    }

    /// <summary>The JSON text, indented by one space and with keys as given, as Jupyter and VS Code write it.</summary>
    public string ToJson()
    {
        using var buffer = new MemoryStream();
        using (var writer = new Utf8JsonWriter(buffer, WriterOptions)) root.WriteTo(writer);
        return System.Text.Encoding.UTF8.GetString(buffer.ToArray()) + "\n";
    }

    public void Save(string path) => AtomicFile.WriteAllText(path, ToJson());

    /// <summary>The raw JSON, for readers that need a field this model does not expose.</summary>
    public JsonObject Json => root;

    private static readonly JsonWriterOptions WriterOptions = new()
    {
        Indented = true,
        IndentSize = 1,
        // Notebooks hold HTML and math; keep '<', '&' and non-ASCII readable rather than \u-escaped.
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    // JsonException's message ends with its own path and position, which the caller states already.
    private static string FirstSentence(string message) => message.Split(" Path: ")[0].Split(" LineNumber: ")[0].TrimEnd(' ', '|', '.');

    private static string DefaultLanguageOf(JsonObject root) =>
        (string?)root["metadata"]?["polyglot_notebook"]?["kernelInfo"]?["defaultKernelName"] ?? "csharp";
}
