using System.Text.Json.Nodes;
using DlCourse.Cli.Grading;
using DlCourse.Cli.Notebooks;

namespace DlCourse.Tests.Notebooks;

/// <summary>Whatever type a hostile notebook puts in a field the kit reads, parsing refuses it or every reader copes.</summary>
public class NotebookShapeTests
{
    private static readonly string Source = File.ReadAllText(Path.Combine(Support.Repository.Notebooks, "a1-loss-functions", "q5-softmax-jacobian.ipynb"));

    private static readonly string[] Fields =
    [
        "metadata", "metadata.kernelspec", "metadata.kernelspec.name", "metadata.kernelspec.language", "metadata.language_info",
        "metadata.language_info.name", "metadata.polyglot_notebook", "metadata.dlcourse",
        "cells", "cells.0", "cells.4.cell_type", "cells.4.source", "cells.4.source.0", "cells.4.metadata", "cells.4.metadata.nbgrader",
        "cells.4.metadata.nbgrader.grade_id", "cells.4.metadata.nbgrader.points", "cells.4.metadata.nbgrader.solution",
        "cells.4.metadata.nbgrader.grade", "cells.4.metadata.nbgrader.locked", "cells.4.metadata.polyglot_notebook",
        "cells.4.metadata.polyglot_notebook.kernelName", "cells.4.metadata.dotnet_interactive", "cells.4.metadata.dotnet_interactive.language",
        "cells.4.outputs", "cells.4.execution_count", "cells.2.metadata.dlcourse", "cells.2.metadata.dlcourse.rubric",
        "cells.6.metadata.dlcourse.hidden", "cells.6.metadata.nbgrader.points",
    ];

    private static readonly Func<JsonNode?>[] Values =
    [
        () => 5, () => 3.5, () => "x", () => true, () => null, () => new JsonArray(), () => new JsonObject(), () => new JsonArray(1, "a"),
    ];

    public static TheoryData<string> AllFields() => [.. Fields];

    [Theory]
    [MemberData(nameof(AllFields))]
    public void A_field_of_any_type_is_refused_as_malformed_or_read_without_error(string field)
    {
        foreach (var value in Values)
        {
            var root = JsonNode.Parse(Source)!.AsObject();
            Set(root, field.Split('.'), value());
            var json = root.ToJsonString();
            Notebook notebook;
            try { notebook = Notebook.Parse(json, "hostile.ipynb"); }
            catch (NotebookFormatException e)
            {
                Assert.StartsWith("hostile.ipynb: ", e.Message);
                continue;
            }
            // Everything the runner, exporter and grader read of a notebook they accepted.
            foreach (var cell in notebook.Cells)
            {
                _ = (cell.Kind, cell.Source, cell.Language, cell.Outputs.Count, cell.ExecutionCount, cell.Metadata.Count);
                _ = GradingCell.Of(cell);
                _ = GradingCell.Rubric(cell);
            }
            _ = notebook.Metadata["kernelspec"]?["name"]?.GetValue<string>();
            _ = Releaser.Release(Notebook.Parse(Source, "source.ipynb"), "source.ipynb");
        }
    }

    [Fact]
    public void A_refusal_names_the_field()
    {
        var root = JsonNode.Parse(Source)!.AsObject();
        root["cells"]![4]!["metadata"]!["nbgrader"]!["grade_id"] = 7;
        var e = Assert.Throws<NotebookFormatException>(() => Notebook.Parse(root.ToJsonString(), "q.ipynb"));
        Assert.Contains("cell 5", e.Message);
        Assert.Contains("metadata.nbgrader.grade_id", e.Message);
    }

    private static void Set(JsonNode node, string[] path, JsonNode? value)
    {
        for (var i = 0; i < path.Length - 1; i++)
            node = (node is JsonArray a ? a[int.Parse(path[i])] : node[path[i]]) ?? throw new InvalidOperationException($"no {string.Join('.', path[..(i + 1)])} in the fixture");
        if (node is JsonArray array) array[int.Parse(path[^1])] = value;
        else node[path[^1]] = value;
    }
}
