using System.Text.Json.Nodes;
using DlCourse.Cli.Export;
using DlCourse.Cli.Grading.Results;

namespace DlCourse.Cli.Grading.Review;

/// <summary>What the review page shows, as JSON: each written question with every student's answer, rendered to sanitised HTML.</summary>
internal static class ReviewState
{
    public static JsonObject Build(GradesFolder folder, bool katex)
    {
        var students = folder.Students;
        var questions = new JsonArray();
        foreach (var q in folder.Index.Written)
        {
            var answers = new JsonArray();
            foreach (var s in students)
                if (s.Result.Questions.SelectMany(r => r.Written).FirstOrDefault(w => w.Notebook == q.Notebook && w.GradeId == q.GradeId) is { } w)
                    answers.Add(Answer(s.Result.Student, w));
            if (answers.Count == 0) continue;
            questions.Add(new JsonObject
            {
                ["notebook"] = q.Notebook, ["gradeId"] = q.GradeId, ["maxScore"] = q.MaxScore,
                // The instructor's text goes through the same sanitiser: nothing on this page is trusted HTML.
                ["prompt"] = MathMarkdown.ToSafeHtml(q.Prompt), ["model"] = MathMarkdown.ToSafeHtml(q.ModelAnswer),
                ["rubric"] = MathMarkdown.ToSafeHtml(q.Rubric), ["answers"] = answers,
            });
        }
        return new JsonObject { ["katex"] = katex, ["questions"] = questions };
    }

    /// <summary>One student's answer and its merged score (points null while pending).</summary>
    public static JsonObject Answer(string student, WrittenResult w) => new()
    {
        ["student"] = student,
        ["answer"] = MathMarkdown.ToSafeHtml(w.Answer),
        ["empty"] = string.IsNullOrWhiteSpace(w.Answer),
        ["hash"] = w.AnswerHash,
        ["points"] = w.Score,
        ["comment"] = w.Comment ?? "",
        ["note"] = w.Note,
    };
}
