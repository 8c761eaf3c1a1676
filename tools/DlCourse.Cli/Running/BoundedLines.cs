using System.Text;

namespace DlCourse.Cli.Running;

/// <summary>Reads lines of at most <paramref name="maxChars"/> characters; a longer line is read through and reported as overlong, never held whole.</summary>
internal sealed class BoundedLines(TextReader reader, int maxChars)
{
    private readonly char[] buffer = new char[64 * 1024];
    private readonly StringBuilder line = new();
    private int start, end;

    /// <summary>The next line (null at the end of the stream); <c>Overlong</c> when it was longer than the bound, its text then dropped.</summary>
    public async Task<(string? Line, bool Overlong)> NextAsync()
    {
        line.Clear();
        bool overlong = false;
        while (true)
        {
            if (start == end)
            {
                start = 0;
                end = await reader.ReadAsync(buffer.AsMemory());
                if (end == 0) return line.Length > 0 || overlong ? (overlong ? null : line.ToString(), overlong) : (null, false);
            }
            int newline = Array.IndexOf(buffer, '\n', start, end - start);
            int stop = newline < 0 ? end : newline;
            if (!overlong)
            {
                if (line.Length + (stop - start) > maxChars) { overlong = true; line.Clear(); }
                else line.Append(buffer, start, stop - start);
            }
            start = newline < 0 ? end : newline + 1;
            if (newline >= 0) return (overlong ? null : line.ToString().TrimEnd('\r'), overlong);
        }
    }
}
