namespace DlCourse;

/// <summary>How much work a notebook does: <see cref="Fast"/> for tests and the default run, <see cref="Full"/> for real results.</summary>
public enum ProfileKind { Fast, Full }
