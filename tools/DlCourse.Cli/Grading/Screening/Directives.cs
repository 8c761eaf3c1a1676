using System.Globalization;

namespace DlCourse.Cli.Grading.Screening;

/// <summary>Finds directives and magic commands (<c>#r</c>, <c>#load</c>, <c>#!fsharp</c>, <c>#i</c>, …) in a cell.</summary>
internal static class Directives
{
    // Every line break the kernel's parser or Roslyn might honour, so no separator hides a directive.
    private static readonly char[] LineBreaks = ['\n', '\r', '\u0085', '\u2028', '\u2029', '\v', '\f'];

    /// <summary>
    /// The first line whose first visible character is <c>#</c>, or null: the kernel acts on such lines before C# sees them.
    /// <c>#region</c> and <c>#endregion</c> lines are the exception: the kernel (1.0.0-beta.26120.1) hands them to C#
    /// as they are, where they only fold the editor's view.
    /// </summary>
    public static string? FirstLine(string code)
    {
        foreach (var line in code.Split(LineBreaks))
        {
            var rest = line.AsSpan().TrimStart();
            // Zero-width and other format characters are invisible; skipping them stops "\u200B#r" from passing.
            while (rest.Length > 0 && (char.IsWhiteSpace(rest[0]) || CharUnicodeInfo.GetUnicodeCategory(rest[0]) is UnicodeCategory.Format or UnicodeCategory.Control))
                rest = rest[1..];
            if (rest.Length > 0 && rest[0] == '#' && !IsRegion(rest)) return line.Trim();
        }
        return null;
    }

    // `#region` or `#endregion`, alone or followed by a space or tab and any text (C# takes the rest of the line as the name).
    private static bool IsRegion(ReadOnlySpan<char> line)
    {
        foreach (var word in (ReadOnlySpan<string>)["#region", "#endregion"])
            if (line.StartsWith(word, StringComparison.Ordinal) && (line.Length == word.Length || line[word.Length] is ' ' or '\t'))
                return true;
        return false;
    }

    /// <summary>The cell with every directive line blanked (line numbers kept), for compiling trusted cells whose directives were applied separately.</summary>
    public static string Blank(string code) =>
        string.Join('\n', code.Split('\n').Select(l => FirstLine(l) is null ? l : ""));

    /// <summary>A loader a cell runs as a submission of its own: paths inside it resolve from the kernel's folder, not its own.</summary>
    public const string Import = "#!import";

    /// <summary>The quoted argument of <c>#r "…"</c>, <c>#load "…"</c> or <c>#!import "…"</c> lines in a trusted cell.</summary>
    public static IEnumerable<(string Kind, string Argument)> Quoted(string code)
    {
        foreach (var raw in code.Split('\n'))
        {
            var line = raw.Trim();
            foreach (var kind in new[] { "#r", "#load", Import })
            {
                if (!line.StartsWith(kind, StringComparison.Ordinal)) continue;
                var rest = line[kind.Length..].Trim();
                if (rest.Length >= 2 && rest[0] == '"' && rest.IndexOf('"', 1) is > 0 and var end)
                    yield return (kind, rest[1..end]);
            }
        }
    }
}
