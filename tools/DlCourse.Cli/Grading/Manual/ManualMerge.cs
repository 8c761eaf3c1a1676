using System.Globalization;
using DlCourse.Cli.Grading.Results;

namespace DlCourse.Cli.Grading.Manual;

/// <summary>
/// Puts the manual scores into a graded submission: a written answer takes the score given to its current text;
/// with no score, a score for other text (the student resubmitted) or a score over the maximum, it is pending (0 points).
/// </summary>
public static class ManualMerge
{
    public static SubmissionResult Apply(SubmissionResult result, ManualScores scores)
    {
        var questions = result.Questions.Select(q =>
        {
            var written = q.Written.Select(w => Resolve(result.Student, w, scores)).ToList();
            // A question's score is its tests' (fixed when the notebook ran) plus whatever the reviewer gave.
            var score = q.Tests.Sum(t => t.Score) + written.Sum(w => w.Score ?? 0);
            return q with { Score = score, Written = written };
        }).ToList();
        return result with { Questions = questions, Score = questions.Sum(q => q.Score) };
    }

    private static WrittenResult Resolve(string student, WrittenResult answer, ManualScores scores)
    {
        var pending = answer with { Score = null, Comment = null, Note = null };
        if (scores.Get(student, answer.Notebook, answer.GradeId) is not { } manual) return pending;
        if (manual.AnswerHash != answer.AnswerHash)
            return pending with { Note = "the answer changed after it was scored; it needs a new review" };
        if (manual.Points > answer.MaxScore)
            return pending with { Note = $"its manual score {Num(manual.Points)} is over the question's {Num(answer.MaxScore)} points; it needs a new review" };
        return answer with { Score = manual.Points, Comment = manual.Comment, Note = null };
    }

    private static string Num(double x) => x.ToString("0.##", CultureInfo.InvariantCulture);
}
