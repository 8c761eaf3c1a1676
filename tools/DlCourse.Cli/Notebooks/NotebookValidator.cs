using System.Text.Json.Nodes;
using System.Text.RegularExpressions;

namespace DlCourse.Cli.Notebooks;

/// <summary>Checks that a notebook is well-formed nbformat 4 with the Polyglot metadata VS Code needs to open it as C#.</summary>
public static partial class NotebookValidator
{
    /// <summary>Problems found, each one line; empty when the notebook is fine.</summary>
    /// <param name="allowOutputs">Source notebooks are kept without outputs; executed copies may have them.</param>
    public static IReadOnlyList<string> Validate(Notebook notebook, string? directory, bool allowOutputs = false)
    {
        var problems = new List<string>();
        var json = notebook.Json;
        if (json["nbformat_minor"] is not JsonValue minor || !minor.TryGetValue(out int _))
            problems.Add("no \"nbformat_minor\" version");
        if ((string?)json["metadata"]?["kernelspec"]?["name"] != ".net-csharp")
            problems.Add("metadata.kernelspec.name is not \".net-csharp\" (VS Code would not open it with the C# kernel)");
        if (json["metadata"]?["polyglot_notebook"]?["kernelInfo"]?["defaultKernelName"] is null)
            problems.Add("metadata.polyglot_notebook.kernelInfo.defaultKernelName is missing");

        foreach (var cell in notebook.Cells)
        {
            var where = $"cell {cell.Index + 1}";
            var node = cell.Node;
            if ((string?)node["cell_type"] is not ("code" or "markdown" or "raw"))
                problems.Add($"{where}: unknown cell_type \"{node["cell_type"]}\"");
            if (node["source"] is not (JsonValue or JsonArray) || node["source"] is JsonArray lines && lines.Any(l => l is not JsonValue))
                problems.Add($"{where}: \"source\" must be a string or a list of strings");
            if (node["metadata"] is not JsonObject)
                problems.Add($"{where}: \"metadata\" must be an object");
            if (cell.Kind != CellKind.Code) continue;

            if (node["outputs"] is not JsonArray outputs) problems.Add($"{where}: a code cell needs an \"outputs\" list");
            else if (!allowOutputs && outputs.Count > 0) problems.Add($"{where}: has outputs; source notebooks are kept without them (clear outputs)");
            if (!node.ContainsKey("execution_count")) problems.Add($"{where}: a code cell needs \"execution_count\" (null when not run)");
            if (cell.Metadata["polyglot_notebook"]?["kernelName"] is null)
                problems.Add($"{where}: metadata.polyglot_notebook.kernelName is missing (the cell's language)");
            else if (cell.Language != "csharp")
                problems.Add($"{where}: language is \"{cell.Language}\"; DlCourse runs C# cells only");

            if (directory is null) continue;
            foreach (Match load in LoadDirective().Matches(cell.Source))
            {
                var target = load.Groups["path"].Value;
                if (!File.Exists(Path.Combine(directory, target))) problems.Add($"{where}: {load.Groups["kind"].Value} \"{target}\" does not exist");
            }
        }
        return problems;
    }

    [GeneratedRegex("""^\s*(?<kind>#load|#!import)\s+"(?<path>[^"]+)"\s*$""", RegexOptions.Multiline)]
    private static partial Regex LoadDirective();
}
