using System.Text;

namespace DlCourse;

/// <summary>Writes files so that a reader sees the old content or the new one, never half of it.</summary>
/// <remarks>Shared as source with the command-line tool, which does not reference the library.</remarks>
internal static class AtomicFile
{
    /// <summary>
    /// Lets <paramref name="write"/> fill a temporary file beside <paramref name="path"/>, then renames it into place;
    /// <paramref name="verify"/> may inspect the finished temporary file and throw to keep the old content.
    /// </summary>
    public static void Write(string path, Action<Stream> write, Action<string>? verify = null)
    {
        var full = Path.GetFullPath(path);
        Directory.CreateDirectory(Path.GetDirectoryName(full)!);
        // Beside the target, so that the rename stays on one file system; hidden, so that folder listings skip it.
        var temporary = Path.Combine(Path.GetDirectoryName(full)!, $".{Path.GetFileName(full)}.{Environment.ProcessId}.{Guid.NewGuid():N}.tmp");
        try
        {
            using (var stream = new FileStream(temporary, FileMode.CreateNew, FileAccess.Write))
            {
                write(stream);
                stream.Flush(flushToDisk: true);
            }
            verify?.Invoke(temporary);
            File.Move(temporary, full, overwrite: true);
        }
        finally
        {
            if (File.Exists(temporary)) File.Delete(temporary);
        }
    }

    public static void WriteAllBytes(string path, byte[] bytes) => Write(path, stream => stream.Write(bytes));

    public static void WriteAllText(string path, string text) =>
        WriteAllBytes(path, new UTF8Encoding(encoderShouldEmitUTF8Identifier: false).GetBytes(text));
}
