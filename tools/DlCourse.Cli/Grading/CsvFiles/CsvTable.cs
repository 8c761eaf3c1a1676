namespace DlCourse.Cli.Grading.CsvFiles;

/// <summary>One row of a <see cref="CsvTable"/>: its line in the file and its fields by column name.</summary>
internal sealed record CsvRow(int Line, IReadOnlyDictionary<string, string> Fields)
{
    /// <summary>The trimmed field, or "" when the file has no such column.</summary>
    public string this[string column] => Fields.TryGetValue(column, out var v) ? v.Trim() : "";
}

/// <summary>An instructor's CSV file read by its header: known columns only, each row as long as the header, so a typo
/// in a column name or a shifted row stops the verb with the file and line instead of being read wrongly.</summary>
internal sealed record CsvTable(string File, IReadOnlyList<string> Columns, IReadOnlyList<CsvRow> Rows)
{
    /// <exception cref="InvalidDataException">The file is missing, malformed, lacks a <paramref name="required"/> column or has another unknown one.</exception>
    public static CsvTable Load(string path, IReadOnlyList<string> required, IReadOnlyList<string> optional)
    {
        var name = Path.GetFileName(path);
        if (!System.IO.File.Exists(path)) throw new InvalidDataException($"{path}: no such file.");
        var records = Csv.Parse(System.IO.File.ReadAllText(path), name);
        var known = required.Concat(optional).ToList();
        var expected = $"columns {string.Join(",", required)}" + (optional.Count > 0 ? $" (and optionally {string.Join(", ", optional)})" : "");
        if (records.Count == 0) throw new InvalidDataException($"{name}: empty; the first line names the {expected}.");
        var header = records[0].Fields.Select(f => f.Trim()).ToList();
        if (header.FirstOrDefault(h => !known.Contains(h, StringComparer.Ordinal)) is { } unknown)
            throw new InvalidDataException($"{name} line 1: unknown column \"{unknown}\"; expected {expected}.");
        if (required.FirstOrDefault(r => !header.Contains(r, StringComparer.Ordinal)) is { } missing)
            throw new InvalidDataException($"{name} line 1: no column \"{missing}\"; expected {expected}.");
        if (header.GroupBy(h => h).FirstOrDefault(g => g.Count() > 1) is { } twice)
            throw new InvalidDataException($"{name} line 1: column \"{twice.Key}\" appears twice.");
        var rows = new List<CsvRow>();
        foreach (var record in records.Skip(1))
        {
            if (record.Fields.Count != header.Count)
                throw new InvalidDataException($"{name} line {record.Line}: {record.Fields.Count} fields where the header has {header.Count} (quote a field that holds a comma).");
            rows.Add(new CsvRow(record.Line, header.Zip(record.Fields).ToDictionary(p => p.First, p => p.Second, StringComparer.Ordinal)));
        }
        return new CsvTable(name, header, rows);
    }
}
