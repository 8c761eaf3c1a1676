using System.Text.Json.Nodes;
using DlCourse.Cli.Grading;
using DlCourse.Cli.Notebooks;

namespace DlCourse.Tests.Notebooks;

/// <summary>Whatever type a hostile notebook puts in a field the kit reads, parsing refuses it or every reader copes.</summary>
public class NotebookShapeTests
{
    private static readonly string Source = File.ReadAllText(Path.Combine(Support.Repository.Notebooks, "a1-loss-functions", "q5-softmax-jacobian.ipynb"));

    // The cells the fields below live in, found by grade_id so that a cell added to the notebook does not move them.
    private static readonly int Impl = IndexOf("a1q5-impl"), Answer = IndexOf("a1q5-answer"), Hidden = IndexOf("a1q5-jacobian-properties");

    private static readonly string[] Fields =
    [
        "metadata", "metadata.kernelspec", "metadata.kernelspec.name", "metadata.kernelspec.language", "metadata.language_info",
        "metadata.language_info.name", "metadata.polyglot_notebook", "metadata.dlcourse",
        "cells", "cells.0", $"cells.{Impl}.cell_type", $"cells.{Impl}.source", $"cells.{Impl}.source.0", $"cells.{Impl}.metadata", $"cells.{Impl}.metadata.nbgrader",
        $"cells.{Impl}.metadata.nbgrader.grade_id", $"cells.{Impl}.metadata.nbgrader.points", $"cells.{Impl}.metadata.nbgrader.solution",
        $"cells.{Impl}.metadata.nbgrader.grade", $"cells.{Impl}.metadata.nbgrader.locked", $"cells.{Impl}.metadata.polyglot_notebook",
        $"cells.{Impl}.metadata.polyglot_notebook.kernelName", $"cells.{Impl}.metadata.dotnet_interactive", $"cells.{Impl}.metadata.dotnet_interactive.language",
        $"cells.{Impl}.outputs", $"cells.{Impl}.execution_count", $"cells.{Answer}.metadata.dlcourse", $"cells.{Answer}.metadata.dlcourse.rubric",
        $"cells.{Hidden}.metadata.dlcourse.hidden", $"cells.{Hidden}.metadata.nbgrader.points",
    ];

    private static readonly Func<JsonNode?>[] Values =
    [
        () => 5, () => 3.5, () => "x", () => true, () => null, () => new JsonArray(), () => new JsonObject(), () => new JsonArray(1, "a"),
    ];

    public static TheoryData<string> AllFields() => [.. Fields];

    private static int IndexOf(string gradeId) =>
        JsonNode.Parse(Source)!["cells"]!.AsArray().Select((c, i) => (c, i)).Single(p => (string?)p.c!["metadata"]?["nbgrader"]?["grade_id"] == gradeId).i;

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
        root["cells"]![Impl]!["metadata"]!["nbgrader"]!["grade_id"] = 7;
        var e = Assert.Throws<NotebookFormatException>(() => Notebook.Parse(root.ToJsonString(), "q.ipynb"));
        Assert.Contains($"cell {Impl + 1}", e.Message);
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
