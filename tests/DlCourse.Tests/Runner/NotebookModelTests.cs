using DlCourse.Cli.Notebooks;
using DlCourse.Tests.Support;

namespace DlCourse.Tests.Runner;

public class NotebookModelTests
{
    [Fact]
    public void Round_trip_keeps_unknown_metadata_and_text()
    {
        var notebook = TestNotebook.Create("md:# Title $x^2$", "var x = 1;\nx");
        notebook.Cells[1].Metadata["nbgrader"] = new System.Text.Json.Nodes.JsonObject { ["grade_id"] = "q1", ["points"] = 2 };

        var again = Notebook.Parse(notebook.ToJson(), "again");

        Assert.Equal("# Title $x^2$", again.Cells[0].Source);
        Assert.Equal("var x = 1;\nx", again.Cells[1].Source);
        Assert.Equal(2, (int)again.Cells[1].Metadata["nbgrader"]!["points"]!);
        Assert.Equal(notebook.ToJson(), again.ToJson());
    }

    [Fact]
    public void Source_is_written_as_lines_that_keep_their_newlines()
    {
        var lines = MultilineText.ToLines("a\nb\n\nc");
        Assert.Equal(["a\n", "b\n", "\n", "c"], lines.Select(l => (string)l!));
        Assert.Equal("a\nb\n\nc", MultilineText.Read(lines));
    }

    [Theory]
    [InlineData("{ not json", "not valid JSON (line 1")]
    [InlineData("{\"nbformat\": 4, \"nbformat\": 4, \"cells\": []}", "Duplicate")] // refused at parse time, not by a reader later
    [InlineData("""{"nbformat": 4, "cells": [{"cell_type": "code", "source": "", "metadata": {"nbgrader": {"points": 1, "points": 9}}}]}""", "Duplicate")]
    [InlineData("[1, 2]", "not a notebook")]
    [InlineData("""{"nbformat": 3, "cells": []}""", "nbformat 3 is not supported")]
    [InlineData("""{"nbformat": 4}""", "no \"cells\" list")]
    [InlineData("""{"nbformat": 4, "cells": [42]}""", "cell 1 is not a cell object")]
    public void Malformed_input_gets_one_clear_line(string json, string expected)
    {
        var error = Assert.Throws<NotebookFormatException>(() => Notebook.Parse(json, "bad.ipynb"));
        Assert.StartsWith("bad.ipynb: ", error.Message);
        Assert.Contains(expected, error.Message);
        Assert.DoesNotContain("\n", error.Message);
    }

    [Fact]
    public void Missing_file_is_reported_by_name()
    {
        var error = Assert.Throws<NotebookFormatException>(() => Notebook.Load("/nonexistent/q1.ipynb"));
        Assert.Equal("/nonexistent/q1.ipynb: no such file", error.Message);
    }

    [Fact]
    public void Save_is_atomic_and_leaves_no_temporary_files()
    {
        var folder = Repository.TempFolder("save");
        var path = Path.Combine(folder, "sub", "n.ipynb");
        TestNotebook.Create("1").Save(path);
        TestNotebook.Create("2").Save(path);
        Assert.Equal("2", Notebook.Load(path).Cells[0].Source);
        Assert.Single(Directory.GetFiles(Path.Combine(folder, "sub")));
    }
}
