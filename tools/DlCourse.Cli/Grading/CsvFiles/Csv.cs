using System.Globalization;
using System.Text;

namespace DlCourse.Cli.Grading.CsvFiles;

/// <summary>One CSV record with the line of the file it starts on, for error messages.</summary>
internal sealed record CsvRecord(int Line, IReadOnlyList<string> Fields);

/// <summary>RFC 4180 CSV, as the gradebook, the LMS files and the instructor's own files use it.</summary>
internal static class Csv
{
    /// <summary>One field, quoted when it holds a comma, quote or line break; with <paramref name="guardFormula"/>, text
    /// starting with = + - @ (not a number) gets a leading apostrophe, so a spreadsheet does not evaluate a student's name.</summary>
    public static string Field(string s, bool guardFormula = false)
    {
        if (guardFormula && s.Length > 0 && "=+-@".Contains(s[0]) && !double.TryParse(s, NumberStyles.Float, CultureInfo.InvariantCulture, out _)) s = "'" + s;
        return s.IndexOfAny([',', '"', '\n', '\r']) >= 0 ? "\"" + s.Replace("\"", "\"\"") + "\"" : s;
    }

    /// <summary>Appends one record of fields already made with <see cref="Field"/>, ended by CRLF as RFC 4180 (and the LMS importers) have it.</summary>
    public static void AppendRecord(StringBuilder sb, IEnumerable<string> fields) => sb.Append(string.Join(',', fields)).Append("\r\n");

    /// <summary>The records of <paramref name="text"/> (a leading byte-order mark and blank lines skipped).</summary>
    /// <exception cref="InvalidDataException">A quoted field is not closed, or text follows its closing quote.</exception>
    public static IReadOnlyList<CsvRecord> Parse(string text, string file)
    {
        var records = new List<CsvRecord>();
        var fields = new List<string>();
        var field = new StringBuilder();
        int i = text.Length > 0 && text[0] == '\uFEFF' ? 1 : 0, line = 1, start = 1;
        bool quoted = false, wasQuoted = false;

        void EndField() { fields.Add(field.ToString()); field.Clear(); wasQuoted = false; }
        void EndRecord()
        {
            EndField();
            if (fields.Count > 1 || fields[0].Length > 0) records.Add(new CsvRecord(start, fields.ToList()));
            fields.Clear();
        }

        for (; i < text.Length; i++)
        {
            char c = text[i];
            if (quoted)
            {
                if (c == '"' && i + 1 < text.Length && text[i + 1] == '"') { field.Append('"'); i++; }
                else if (c == '"') quoted = false;
                else { if (c == '\n') line++; field.Append(c); }
                continue;
            }
            switch (c)
            {
                case '"' when field.Length == 0 && !wasQuoted: quoted = wasQuoted = true; break;
                case '"': throw new InvalidDataException($"{file} line {line}: a quote inside an unquoted field (quote the whole field and double the quote: \"a \"\"b\"\"\").");
                case ',': EndField(); break;
                case '\r' when i + 1 < text.Length && text[i + 1] == '\n': break;
                case '\r' or '\n': EndRecord(); line++; start = line; break;
                default:
                    if (wasQuoted) throw new InvalidDataException($"{file} line {line}: text after a closing quote.");
                    field.Append(c);
                    break;
            }
        }
        if (quoted) throw new InvalidDataException($"{file} line {start}: a quoted field is not closed.");
        if (field.Length > 0 || fields.Count > 0 || wasQuoted) EndRecord();
        return records;
    }
}
