namespace DlCourse.Cli.Grading;

/// <summary>Notes as students see them: each once, each at most <see cref="MaxChars"/> long, at most <see cref="MaxCount"/> of them,
/// so results.json, the gradebook row and the feedback page stay small whatever a submission holds.</summary>
internal static class GradingNotes
{
    public const int MaxCount = 20, MaxChars = 600;

    public static IReadOnlyList<string> Bounded(IEnumerable<string> notes)
    {
        var distinct = notes.Select(n => n.Length <= MaxChars ? n : n[..MaxChars] + "…").Distinct(StringComparer.Ordinal).ToList();
        return distinct.Count <= MaxCount ? distinct : [.. distinct.Take(MaxCount - 1), $"… and {distinct.Count - MaxCount + 1} more notes."];
    }
}
