namespace DlCourse.Cli.Grading;

/// <summary>A solution marker that release cannot strip safely; names the notebook and the cell.</summary>
public sealed class MalformedSolutionException(string message) : Exception(message);

/// <summary>Finds and replaces the <c>// BEGIN SOLUTION</c> … <c>// END SOLUTION</c> regions and <c>// SOLUTION</c> lines of a code cell.</summary>
internal static class SolutionRegions
{
    public const string Stub = "throw new NotImplementedException();";
    public const string AnswerStub = "YOUR ANSWER HERE";

    /// <summary>The cell's text with every solution replaced by <see cref="Stub"/>, and the solution lines removed.</summary>
    /// <param name="keepMarkers">Keep the markers around each stub, so that the result can be released again (self-check's copy).</param>
    public static (string Released, List<string> SolutionLines, int Regions) Strip(string source, string where, bool keepMarkers = false)
    {
        var lines = source.Split('\n');
        var kept = new List<string>();
        var removed = new List<string>();
        int regions = 0, beginLine = -1;
        for (int i = 0; i < lines.Length; i++)
        {
            var line = lines[i].TrimEnd('\r');
            var trimmed = line.Trim();
            var indent = line[..(line.Length - line.TrimStart().Length)];
            if (trimmed == "// BEGIN SOLUTION")
            {
                if (beginLine >= 0)
                    throw new MalformedSolutionException($"{where}: line {i + 1} opens a second // BEGIN SOLUTION inside the one opened at line {beginLine + 1}; regions do not nest.");
                beginLine = i;
                if (keepMarkers) kept.Add(line);
                kept.Add(indent + Stub);
                regions++;
            }
            else if (trimmed == "// END SOLUTION")
            {
                if (beginLine < 0)
                    throw new MalformedSolutionException($"{where}: line {i + 1} has // END SOLUTION without a // BEGIN SOLUTION before it.");
                beginLine = -1;
                if (keepMarkers) kept.Add(line);
            }
            else if (beginLine >= 0) removed.Add(line);
            else if (trimmed.EndsWith("// SOLUTION", StringComparison.Ordinal))
            {
                kept.Add(indent + Stub + (keepMarkers ? " // SOLUTION" : ""));
                removed.Add(line);
                regions++;
            }
            else kept.Add(lines[i]);
        }
        if (beginLine >= 0)
            throw new MalformedSolutionException($"{where}: the // BEGIN SOLUTION at line {beginLine + 1} has no // END SOLUTION.");
        return (string.Join('\n', kept), removed, regions);
    }

    /// <summary>Whether a code cell's text contains any solution marker.</summary>
    public static bool HasMarkers(string source) =>
        source.Split('\n').Select(l => l.Trim()).Any(t => t is "// BEGIN SOLUTION" or "// END SOLUTION" || t.EndsWith("// SOLUTION", StringComparison.Ordinal));
}
