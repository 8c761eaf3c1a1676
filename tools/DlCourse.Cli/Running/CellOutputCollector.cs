using System.Text;
using System.Text.Json.Nodes;
using DlCourse.Cli.Notebooks;

namespace DlCourse.Cli.Running;

/// <summary>
/// Gathers one cell's outputs: joins consecutive stream text, applies display updates, and caps the total size at
/// <paramref name="maxChars"/> for every kind (stream text, displays, updates, errors); past the cap one note says so.
/// The cell's first error is always kept, cut to <see cref="MaxErrorChars"/>, so a failure never goes unreported.
/// </summary>
internal sealed class CellOutputCollector(NotebookCell cell, int maxChars)
{
    public const int MaxErrorChars = 16_000;

    private readonly Dictionary<string, JsonObject> displays = [];
    private readonly StringBuilder stream = new();
    private string? streamName;
    private int chars;
    private bool truncated, errorKept;

    public void Add(JsonObject output, string? displayId = null)
    {
        var kind = (string?)output["output_type"];
        if (kind == "error" && !errorKept)
        {
            errorKept = true;
            Flush();
            cell.Outputs.Add(CellOutputs.Clip(output, MaxErrorChars));
            return;
        }
        var size = CellOutputs.Size(output);
        if (kind == "stream")
        {
            var text = MultilineText.Read(output["text"]);
            var name = (string?)output["name"];
            var room = maxChars - chars;
            if (room <= 0) { Truncate(); return; }
            if (streamName != name) Flush();
            streamName = name;
            // Stream text is kept up to the cap, so a huge print still shows its beginning. A line costs what it
            // takes in the notebook's JSON: its text, its quotes, its escaped newline and a comma.
            int kept = 0, cost = 0;
            while (kept < text.Length && cost + (text[kept] == '\n' ? 5 : 1) <= room) cost += text[kept++] == '\n' ? 5 : 1;
            stream.Append(text.AsSpan(0, kept));
            chars += cost;
            if (kept < text.Length) Truncate();
            return;
        }
        if (chars + size > maxChars) { Truncate(); return; }
        chars += size;
        Flush();
        cell.Outputs.Add(output);
        if (displayId is not null) displays[displayId] = output;
    }

    public void Update(string displayId, JsonObject output)
    {
        if (!displays.TryGetValue(displayId, out var shown)) return;
        var grows = CellOutputs.Size(output) - CellOutputs.Size(shown);
        if (chars + grows > maxChars) { Truncate(); return; }
        chars += grows;
        shown["data"] = output["data"]?.DeepClone();
    }

    public void Flush()
    {
        if (streamName is null) return;
        cell.Outputs.Add(CellOutputs.Stream(streamName, stream.ToString()));
        stream.Clear();
        streamName = null;
    }

    /// <summary>Adds the one note that output was dropped (the cap was reached, or the worker sent more than the runner reads at once).</summary>
    public void Truncate()
    {
        if (truncated) return;
        truncated = true;
        Flush();
        cell.Outputs.Add(CellOutputs.Stream("stderr", $"[dlcourse: output truncated after {maxChars:N0} characters]\n"));
    }

    /// <summary>Marks the cell failed: when its error did not get through (cut off on the way), an error still says so.</summary>
    public void Failed()
    {
        if (errorKept) return;
        errorKept = true;
        Flush();
        cell.Outputs.Add(CellOutputs.Error("CellFailed", "The cell failed; its error was too long to pass the output limit."));
    }
}
