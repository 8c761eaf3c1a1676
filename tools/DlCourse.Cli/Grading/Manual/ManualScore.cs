using System.Globalization;

namespace DlCourse.Cli.Grading.Manual;

/// <summary>A reviewer's score for one written answer, tied by <see cref="AnswerHash"/> to the text it was given to.</summary>
public sealed record ManualScore(double Points, string Comment, string AnswerHash, DateTimeOffset Reviewed)
{
    /// <summary>Throws <see cref="ArgumentOutOfRangeException"/> unless <paramref name="points"/> is a finite number from 0 to <paramref name="max"/>.</summary>
    public static void Validate(double points, double max, string gradeId)
    {
        if (!double.IsFinite(points) || points < 0 || points > max)
            throw new ArgumentOutOfRangeException(nameof(points), points,
                $"{gradeId}: points must be a number from 0 to {max.ToString("0.##", CultureInfo.InvariantCulture)}");
    }
}
