using System.Text.RegularExpressions;

namespace DlCourse.Cli.Export;

/// <summary>Removes terminal colour codes, which tracebacks carry, so that text reads cleanly on a page.</summary>
public static partial class Ansi
{
    [GeneratedRegex(@"\x1B(?:\[[0-?]*[ -/]*[@-~]|\][^\x07\x1B]*(?:\x07|\x1B\\)|[@-Z\\-_])")]
    private static partial Regex EscapeSequence();

    public static string Strip(string text) => EscapeSequence().Replace(text, "");
}
