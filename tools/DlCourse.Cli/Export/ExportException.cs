namespace DlCourse.Cli.Export;

/// <summary>An export failure whose message is one line telling the user what is wrong and what to do.</summary>
public sealed class ExportException(string message, Exception? inner = null) : Exception(message, inner);
