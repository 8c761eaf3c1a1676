namespace DlCourse.Cli.Notebooks;

/// <summary>A notebook file that is missing, not JSON, or not nbformat 4; the message is one line meant for the user.</summary>
public sealed class NotebookFormatException(string message, Exception? inner = null) : Exception(message, inner);
