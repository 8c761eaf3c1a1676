using System.Text;
using System.Text.Json.Nodes;
using DlCourse.Cli.Notebooks;

namespace DlCourse.Cli.Running;

/// <summary>Gathers one cell's outputs: joins consecutive stream text, applies display updates, and caps the total size.</summary>
internal sealed class CellOutputCollector(NotebookCell cell, int maxChars)
{
    private readonly Dictionary<string, JsonObject> displays = [];
    private readonly StringBuilder stream = new();
    private string? streamName;
    private int chars;
    private bool truncated;

    public void Add(JsonObject output, string? displayId = null)
    {
        var size = CellOutputs.Size(output);
        if (chars + size > maxChars && (string?)output["output_type"] != "error")
        {
            Truncate();
            return;
        }
        chars += size;

        if ((string?)output["output_type"] == "stream")
        {
            var name = (string?)output["name"];
            if (streamName != name) Flush();
            streamName = name;
            stream.Append(MultilineText.Read(output["text"]));
            return;
        }
        Flush();
        cell.Outputs.Add(output);
        if (displayId is not null) displays[displayId] = output;
    }

    public void Update(string displayId, JsonObject output)
    {
        if (!displays.TryGetValue(displayId, out var shown)) return;
        shown["data"] = output["data"]?.DeepClone();
    }

    public void Flush()
    {
        if (streamName is null) return;
        cell.Outputs.Add(CellOutputs.Stream(streamName, stream.ToString()));
        stream.Clear();
        streamName = null;
    }

    private void Truncate()
    {
        if (truncated) return;
        truncated = true;
        Flush();
        cell.Outputs.Add(CellOutputs.Stream("stderr", $"[dlcourse: output truncated after {maxChars:N0} characters]\n"));
    }
}
