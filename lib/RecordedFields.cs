using System.Globalization;
using System.Text.RegularExpressions;

namespace DlCourse;

/// <summary>
/// The fields of a recorded value, read back by the pattern it was written with: each <c>{name}</c> in the pattern is a
/// field and the rest must match literally, so "test 92.0 %, 10 epochs" read by "test {accuracy} %, {epochs} epochs"
/// has accuracy 92.0 and epochs 10.
/// </summary>
public sealed partial class RecordedFields
{
    private readonly Dictionary<string, string> fields;

    private RecordedFields(Dictionary<string, string> fields) => this.fields = fields;

    /// <summary>Reads <paramref name="text"/> by <paramref name="pattern"/>; a text that does not fit the pattern throws a FormatException.</summary>
    public static RecordedFields Read(string text, string pattern)
    {
        ArgumentNullException.ThrowIfNull(text);
        ArgumentNullException.ThrowIfNull(pattern);
        var names = Field().Matches(pattern).Select(m => m.Groups[1].Value).ToList();
        if (names.Distinct().Count() != names.Count) throw new ArgumentException($"The pattern '{pattern}' names a field twice.", nameof(pattern));
        // Literal text escaped, each field the shortest text that lets the whole value fit.
        var regex = "^" + string.Concat(Field().Split(pattern).Select((part, i) => i % 2 == 0 ? Regex.Escape(part) : $"(?<{part}>.+?)")) + "$";
        var match = Regex.Match(text, regex);
        if (!match.Success) throw new FormatException($"'{text}' does not fit the pattern '{pattern}'.");
        return new RecordedFields(names.ToDictionary(n => n, n => match.Groups[n].Value));
    }

    /// <summary>Reads each item of a list written as items joined by <paramref name="separator"/>, e.g. "ReLU 89.7 %, GELU 89.4 %" by "{name} {accuracy} %".</summary>
    public static IReadOnlyList<RecordedFields> ReadList(string text, string itemPattern, string separator = ", ")
    {
        ArgumentNullException.ThrowIfNull(text);
        ArgumentException.ThrowIfNullOrEmpty(separator);
        return text.Split(separator).Select(item => Read(item, itemPattern)).ToList();
    }

    /// <summary>The field as it was written.</summary>
    public string Text(string name) => fields.TryGetValue(name, out var text) ? text
        : throw new KeyNotFoundException($"No field '{name}': the pattern has {string.Join(", ", fields.Keys.Select(k => "{" + k + "}"))}.");

    /// <summary>The field as a number written in the invariant culture, thousands separators allowed ("61,706").</summary>
    public double Number(string name) => double.Parse(Text(name), NumberStyles.Float | NumberStyles.AllowThousands, CultureInfo.InvariantCulture);

    /// <summary>The field as a whole number, thousands separators allowed.</summary>
    public int Integer(string name) => int.Parse(Text(name), NumberStyles.Integer | NumberStyles.AllowThousands, CultureInfo.InvariantCulture);

    /// <summary>A field written as a percentage (the number before " %"), as a fraction: "89.7" gives 0.897.</summary>
    public double Percent(string name) => Number(name) / 100;

    [GeneratedRegex(@"\{(\w+)\}")]
    private static partial Regex Field();
}
