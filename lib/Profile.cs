namespace DlCourse;

/// <summary>The course-wide profile, read once from the <c>DLCOURSE_PROFILE</c> environment variable (fast unless it says full).</summary>
public static class Profile
{
    public const string EnvironmentVariable = "DLCOURSE_PROFILE";

    public static ProfileKind Current { get; set; } = Parse(Environment.GetEnvironmentVariable(EnvironmentVariable));

    public static bool IsFull => Current == ProfileKind.Full;

    /// <summary>Picks the value for the current profile: <c>Profile.Choose(fast: 2_000, full: 60_000)</c>.</summary>
    public static T Choose<T>(T fast, T full) => IsFull ? full : fast;

    public static ProfileKind Parse(string? text) => text?.Trim().ToLowerInvariant() switch
    {
        null or "" or "fast" => ProfileKind.Fast,
        "full" => ProfileKind.Full,
        _ => throw new ArgumentException($"{EnvironmentVariable} must be 'fast' or 'full', not '{text}'."),
    };
}
