using System.Text.Json.Nodes;

namespace DlCourse.Tests.Support;

/// <summary>A released notebook as a client executed it: what a student sees when they run it before answering anything.</summary>
public static class ReleasedNotebookRun
{
    /// <summary>
    /// Asserts that the library loaded and that every failed cell either is an unanswered stub (NotImplementedException)
    /// or was told, above its error, which earlier cell left it without a value (the library's "implement … above first").
    /// </summary>
    public static void AssertOnlyStubsFail(string relative, string executed)
    {
        var cells = JsonNode.Parse(File.ReadAllText(executed))!["cells"]!.AsArray().Where(c => (string?)c!["cell_type"] == "code").ToList();
        Assert.Contains("DlCourse ready", string.Concat(cells[0]!["outputs"]!.AsArray().Select(Text)));
        int succeeded = 0, failed = 0;
        foreach (var cell in cells)
        {
            var outputs = cell!["outputs"]!.AsArray();
            var error = outputs.FirstOrDefault(o => (string?)o!["output_type"] == "error");
            if (error is null) { succeeded++; continue; }
            failed++;
            var message = $"{error["ename"]}: {error["evalue"]}";
            var told = outputs.TakeWhile(o => o != error).Select(Text).FirstOrDefault(t => t.Contains("above first", StringComparison.Ordinal)
                || t.Contains("fix that cell first", StringComparison.Ordinal));
            Assert.True(message.Contains("NotImplementedException", StringComparison.Ordinal) || told is not null,
                $"{relative}: a cell failed for a reason other than a stub, and nothing said which cell above to finish:\n" +
                $"{string.Concat(cell["source"]!.AsArray().Select(s => (string?)s))}\n{message[..Math.Min(600, message.Length)]}");
        }
        Assert.True(failed > 0, $"{relative}: the students' stubs should make some cell fail");
        Assert.True(succeeded >= 2, $"{relative}: only {succeeded} of {cells.Count} code cells ran");
    }

    private static string Text(JsonNode? output) =>
        output?["text"] is { } text ? Join(text) : output?["data"]?["text/plain"] is { } plain ? Join(plain) : "";

    private static string Join(JsonNode node) => node is JsonArray lines ? string.Concat(lines.Select(l => (string?)l)) : (string?)node ?? "";
}
