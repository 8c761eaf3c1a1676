namespace DlCourse.Cli.Grading.Review;

/// <summary>A review that cannot start or a score that cannot be saved, with a message for the instructor.</summary>
public sealed class ReviewException(string message) : Exception(message);
