using System.Diagnostics;
using System.Text;
using System.Text.Json;

namespace DlCourse;

/// <summary>
/// A notebook's full-profile results as its own run wrote them (values, date, device, commit), kept in
/// <c>full-profile/NAME.json</c> beside the notebook and shown by every run, so recorded figures are never typed by hand.
/// </summary>
public sealed class RecordedResults(string name, string? folder = null)
{
    public const string FolderName = "full-profile";

    private readonly List<RecordedValue> values = [];

    /// <summary>The commit a full-profile run started from, noted by <see cref="NoteStart"/>; null until then.</summary>
    internal static string? StartCommit { get; set; }

    /// <summary>Notes the checkout's commit as the run starts (<c>Course.Start</c> calls it in the full profile), so that a
    /// record names the code that ran even if the checkout moves on during a run of an hour.</summary>
    public static void NoteStart() => StartCommit ??= Commit();

    public string Name { get; } = !string.IsNullOrWhiteSpace(name) && name.IndexOfAny(System.IO.Path.GetInvalidFileNameChars()) < 0 && name != ".." ? name
        : throw new ArgumentException($"'{name}' is not a usable record name (a file name without folders).", nameof(name));

    public string Path { get; } = System.IO.Path.Combine(folder ?? FolderName, name + ".json");

    /// <summary>Adds one result, already formatted as it should read.</summary>
    public RecordedResults Add(string key, string value)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(key);
        values.Add(new RecordedValue(key, value ?? throw new ArgumentNullException(nameof(value))));
        return this;
    }

    /// <summary>In the full profile, writes the record (atomically) for <paramref name="device"/>; in the fast one, leaves the file alone. Says which.</summary>
    public string SaveIfFull(string device)
    {
        if (!Profile.IsFull) return $"fast profile: {Path} was left as it is (a full-profile run writes it)";
        var record = new Record(Name, DateTime.UtcNow.ToString("yyyy-MM-dd HH:mm 'UTC'"), device, StartCommit ?? Commit(), values);
        AtomicFile.WriteAllText(Path, JsonSerializer.Serialize(record, Json) + "\n");
        return $"recorded {values.Count} results in {Path}";
    }

    /// <summary>What a record cell prints: <see cref="SaveIfFull"/>'s line, then <see cref="Show"/>'s table (in the full profile, of the record just written).</summary>
    public string SaveIfFullThenShow(string device)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(device);
        return SaveIfFull(device) + "\n" + Show();
    }

    /// <summary>The record as a small table with its date, device and commit, or a line saying there is none (or why it cannot be read).</summary>
    public string Show()
    {
        if (!File.Exists(Path)) return $"no full-profile run recorded here yet ({Path})";
        Record? record;
        try { record = JsonSerializer.Deserialize<Record>(File.ReadAllText(Path), Json); }
        catch (JsonException e) { return $"{Path} could not be read: {e.Message}"; }
        if (record?.Values is null) return $"{Path} could not be read: it holds no values";
        var width = record.Values.Count == 0 ? 0 : record.Values.Max(v => v.Key.Length);
        var text = new StringBuilder($"full-profile run of {record.Date}, {record.Device}, commit {record.Commit}:\n");
        foreach (var v in record.Values) text.Append($"  {v.Key.PadRight(width)}  {v.Value}\n");
        return text.ToString();
    }

    /// <summary>The values of the record on disk by key, for cells that draw conclusions from it; empty when there is none yet.</summary>
    public IReadOnlyDictionary<string, string> ReadValues()
    {
        if (!File.Exists(Path)) return new Dictionary<string, string>();
        var record = JsonSerializer.Deserialize<Record>(File.ReadAllText(Path), Json);
        if (record?.Values is null) throw new InvalidDataException($"{Path} holds no values.");
        return record.Values.ToDictionary(v => v.Key, v => v.Value);
    }

    // The checkout's commit, "+ changes" when the working tree differs from it; "unknown" outside a git checkout.
    private static string Commit()
    {
        string? Git(string arguments)
        {
            try
            {
                using var git = Process.Start(new ProcessStartInfo("git", arguments) { RedirectStandardOutput = true, RedirectStandardError = true });
                if (git is null) return null;
                var output = git.StandardOutput.ReadToEnd();
                return git.WaitForExit(10_000) && git.ExitCode == 0 ? output.Trim() : null;
            }
            catch (System.ComponentModel.Win32Exception) { return null; }
        }
        var head = Git("rev-parse --short HEAD");
        if (head is null) return "unknown";
        return Git("status --porcelain --untracked-files=no") is { Length: > 0 } ? head + " + changes" : head;
    }

    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
        { WriteIndented = true, Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    private sealed record RecordedValue(string Key, string Value);
    private sealed record Record(string Notebook, string Date, string Device, string Commit, IReadOnlyList<RecordedValue> Values);
}
