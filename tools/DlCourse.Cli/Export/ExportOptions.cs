namespace DlCourse.Cli.Export;

/// <summary>The file formats <c>dlcourse export</c> writes.</summary>
public enum ExportFormat { Html, Pdf }

/// <summary>What to export and how: one file per notebook, or one assignment report with a title page.</summary>
public sealed record ExportOptions
{
    public ExportFormat Format { get; init; } = ExportFormat.Pdf;
    public required string OutDir { get; init; }
    public bool IncludeCode { get; init; } = true;
    public bool IncludeOutputs { get; init; } = true;
    /// <summary>All notebooks in one document with a title page, each question on a new page.</summary>
    public bool Report { get; init; }
    public string? Title { get; init; }
    public string Course { get; init; } = "Deep Learning — DlCourse";
    public string? StudentName { get; init; }
    public string? StudentId { get; init; }
}
