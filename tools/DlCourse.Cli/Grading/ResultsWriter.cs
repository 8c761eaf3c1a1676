using System.Globalization;
using System.Net;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using DlCourse.Cli.Grading.CsvFiles;
using DlCourse.Cli.Grading.Late;
using DlCourse.Cli.Grading.Results;
using DlCourse.Cli.Notebooks;

namespace DlCourse.Cli.Grading;

/// <summary>Writes Gradescope's results.json, the CSV gradebook and the per-student feedback page.</summary>
internal static class ResultsWriter
{
    private static readonly JsonSerializerOptions Indented = new() { WriteIndented = true, Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    /// <summary>Gradescope's autograder results: https://gradescope-autograders.readthedocs.io/en/latest/specs/</summary>
    public static string GradescopeJson(SubmissionResult result)
    {
        var tests = new JsonArray();
        foreach (var (question, q) in result.Questions.Select((q, i) => (q, i + 1)))
        {
            if (question.Tests.Count == 0)
                tests.Add(new JsonObject { ["name"] = $"{question.Notebook}", ["score"] = 0, ["max_score"] = question.MaxScore - question.Written.Sum(w => w.MaxScore),
                    ["output"] = string.Join("\n", question.Notes), ["visibility"] = "visible" });
            foreach (var (test, t) in question.Tests.Select((t, i) => (t, i + 1)))
                tests.Add(new JsonObject
                {
                    ["name"] = $"{question.Notebook}: {test.GradeId}" + (test.Hidden ? " (hidden)" : ""),
                    ["number"] = $"{q}.{t}",
                    ["score"] = test.Score,
                    ["max_score"] = test.MaxScore,
                    // A hidden test's output can show its inputs, the expected values and what student code printed with them.
                    ["output"] = test.Hidden ? "" : test.Output,
                    ["visibility"] = test.Hidden ? "after_published" : "visible",
                });
            foreach (var (answer, w) in question.Written.Select((w, i) => (w, question.Tests.Count + i + 1)))
                tests.Add(new JsonObject
                {
                    ["name"] = $"{question.Notebook}: {answer.GradeId} (written answer)",
                    ["number"] = $"{q}.{w}",
                    ["score"] = answer.Score ?? 0,
                    ["max_score"] = answer.MaxScore,
                    ["output"] = WrittenOutput(answer),
                    ["visibility"] = "visible",
                });
        }
        // What the late policy did comes first: it changes the score the student sees.
        var notes = LateNotes.Lines(result).Concat(result.Notes).Concat(result.Questions.SelectMany(q => q.Notes)).ToList();
        var pending = result.Questions.Sum(q => q.Written.Count(w => w.Pending));
        if (pending > 0) notes.Add($"{pending} written {(pending == 1 ? "answer is" : "answers are")} pending manual review; {(pending == 1 ? "it counts" : "they count")} once reviewed.");
        var root = new JsonObject
        {
            ["score"] = result.FinalScore, // Gradescope takes it over the tests' sum, so a late penalty counts
            ["execution_time"] = (int)Math.Ceiling(result.Seconds),
            ["output"] = notes.Count == 0 ? "All notebooks ran." : string.Join("\n", notes),
            ["visibility"] = "visible",
            ["stdout_visibility"] = "hidden",
            ["tests"] = tests,
        };
        return root.ToJsonString(Indented) + "\n";
    }

    /// <summary>What results.json says about a written answer: pending (and why, if a score no longer counts), or the reviewer's score and comment.</summary>
    public static string WrittenOutput(WrittenResult answer) => answer.Pending
        ? PendingText + (answer.Note is { } note ? $" ({note})" : "")
        : $"reviewed: {Num(answer.Score!.Value)} / {Num(answer.MaxScore)}" + (answer.Comment is { Length: > 0 } c ? $"\n{c}" : "");

    public const string PendingText = "pending manual review";

    /// <summary>One row per student: the final score, maximum, (with a late policy) raw score, days late, late days used and penalty,
    /// one raw score column per notebook, and one per written answer ("pending" until reviewed).</summary>
    public static string Gradebook(IEnumerable<SubmissionResult> results, IReadOnlyList<string> notebooks)
    {
        var all = results.OrderBy(r => r.Student, StringComparer.Ordinal).ToList();
        bool late = all.Any(r => r.Late is not null);
        var written = all.SelectMany(r => r.Questions).SelectMany(q => q.Written).Select(w => (w.Notebook, w.GradeId)).Distinct()
            .OrderBy(w => IndexOf(notebooks, w.Notebook)).ToList();
        var sb = new StringBuilder();
        sb.AppendLine(string.Join(',', new[] { "student", "score", "max_score" }.Concat(late ? LateColumns : []).Concat(notebooks)
            .Concat(written.Select(w => $"{w.GradeId} (written)")).Append("notes").Select(c => Csv.Field(c, guardFormula: true))));
        foreach (var r in all)
        {
            var cells = new List<string> { r.Student, Num(r.FinalScore), Num(r.MaxScore) };
            if (late)
                cells.AddRange([Num(r.Score), (r.Late?.Sum(l => l.DaysLate) ?? 0).ToString(CultureInfo.InvariantCulture),
                    (r.Late?.Sum(l => l.LateDaysUsed) ?? 0).ToString(CultureInfo.InvariantCulture), Num(r.Penalty)]);
            foreach (var nb in notebooks)
                cells.Add(r.Questions.FirstOrDefault(q => q.Notebook == nb) is { } q ? Num(q.Score) : "");
            foreach (var (nb, id) in written)
                cells.Add(r.Questions.Where(q => q.Notebook == nb).SelectMany(q => q.Written).FirstOrDefault(w => w.GradeId == id) is { } w
                    ? w.Score is { } s ? Num(s) : "pending" : "");
            cells.Add(string.Join(" | ", LateNotes.Lines(r, lateOnly: true).Concat(r.Notes).Concat(r.Questions.SelectMany(q => q.Notes))).ReplaceLineEndings(" "));
            sb.AppendLine(string.Join(',', cells.Select(c => Csv.Field(c, guardFormula: true))));
        }
        return sb.ToString();
    }

    /// <summary>The gradebook's late-policy columns, after max_score; "score" is then the final score.</summary>
    public static readonly string[] LateColumns = ["raw_score", "days_late", "late_days_used", "penalty"];

    /// <summary>A self-contained HTML page telling the student their score, why each test passed or failed, and any notes;
    /// each question links to its notebook page when <paramref name="pages"/> has one.</summary>
    public static string FeedbackHtml(SubmissionResult result, FeedbackPages? pages = null)
    {
        static string H(string s) => WebUtility.HtmlEncode(s);
        var sb = new StringBuilder();
        sb.Append($$"""
            <!DOCTYPE html>
            <html lang="en"><head><meta charset="utf-8"><title>Feedback: {{H(result.Student)}}</title>
            <style>body{font-family:system-ui,sans-serif;max-width:60rem;margin:2rem auto;padding:0 1rem}
            table{border-collapse:collapse;width:100%}td,th{border:1px solid #ccc;padding:.3rem .5rem;vertical-align:top;text-align:left}
            .pass{color:#176f2c}.fail{color:#a4161a}.pending{color:#8a5a00}table.written,table.late{margin-bottom:1rem}pre{white-space:pre-wrap;margin:0;font-size:.85rem}</style></head><body>
            <h1>Feedback for {{H(result.Student)}}</h1>
            <p><strong>Score: {{Num(result.FinalScore)}} / {{Num(result.MaxScore)}}</strong>{{(result.Penalty > 0 ? $" ({Num(result.Score)} before the late penalty of {Num(result.Penalty)})" : "")}}</p>

            """);
        AppendLate(sb, result);
        if (result.Questions.Sum(q => q.Written.Count(w => w.Pending)) is > 0 and var pending)
            sb.Append($"<p class=\"pending\">{pending} written {(pending == 1 ? "answer" : "answers")} {PendingText}.</p>\n");
        var notes = pages?.Note is { } note ? result.Notes.Append(note).ToList() : result.Notes;
        if (notes.Count > 0) sb.Append("<ul>").Append(string.Concat(notes.Select(n => $"<li>{H(n)}</li>"))).Append("</ul>\n");
        foreach (var q in result.Questions)
        {
            var link = pages?.Links.GetValueOrDefault(q.Notebook) is { } href ? $" <small><a href=\"{H(Uri.EscapeDataString(href).Replace("%2F", "/"))}\">notebook</a></small>" : "";
            sb.Append($"<h2>{H(q.Notebook)}: {Num(q.Score)} / {Num(q.MaxScore)}{link}</h2>\n");
            if (q.Notes.Count > 0) sb.Append("<ul>").Append(string.Concat(q.Notes.Select(n => $"<li>{H(n)}</li>"))).Append("</ul>\n");
            AppendWritten(sb, q.Written);
            if (q.Tests.Count == 0) continue;
            sb.Append("<table><tr><th>test</th><th>points</th><th>result</th></tr>\n");
            foreach (var t in q.Tests)
                sb.Append($"<tr><td>{H(t.GradeId)}{(t.Hidden ? " (hidden)" : "")}</td><td>{Num(t.Score)} / {Num(t.MaxScore)}</td>" +
                          $"<td class=\"{(t.Passed ? "pass" : "fail")}\"><pre>{H(t.Hidden ? HiddenSummary(t) : t.Output)}</pre></td></tr>\n");
            sb.Append("</table>\n");
        }
        sb.Append("</body></html>\n");
        return sb.ToString();
    }

    private static int IndexOf(IReadOnlyList<string> list, string item)
    {
        for (int i = 0; i < list.Count; i++) if (list[i] == item) return i;
        return list.Count;
    }

    // The deadlines: each assignment's due date (the student's extension, if any), when it was handed in, and what that cost.
    private static void AppendLate(StringBuilder sb, SubmissionResult result)
    {
        static string H(string s) => WebUtility.HtmlEncode(s);
        var assignments = AssignmentScore.Of(result).Where(a => a.Late is not null).ToList();
        if (assignments.Count == 0) return;
        sb.Append("<table class=\"late\"><tr><th>assignment</th><th>due</th><th>handed in</th><th>late policy</th><th>points</th></tr>\n");
        foreach (var a in assignments)
            sb.Append($"<tr><td>{H(a.Assignment)}</td><td>{H(LateNotes.Due(a.Late!))}</td><td>{H(CourseClock.Format(a.Late!.Submitted))}</td>" +
                      $"<td class=\"{(a.Penalty > 0 ? "fail" : "pass")}\">{H(a.Late.Rule)}</td>" +
                      $"<td>{(a.Penalty > 0 ? $"{Num(a.Raw)} − {Num(a.Penalty)} = {Num(a.Final)}" : Num(a.Raw))} / {Num(a.Max)}</td></tr>\n");
        sb.Append("</table>\n");
    }

    private static void AppendWritten(StringBuilder sb, IReadOnlyList<WrittenResult> written)
    {
        static string H(string s) => WebUtility.HtmlEncode(s);
        if (written.Count == 0) return;
        sb.Append("<table class=\"written\"><tr><th>written answer</th><th>points</th><th>reviewer's comment</th></tr>\n");
        foreach (var w in written)
            sb.Append($"<tr><td>{H(w.GradeId)}</td>" + (w.Score is { } score
                ? $"<td>{Num(score)} / {Num(w.MaxScore)}</td><td><pre>{H(w.Comment ?? "")}</pre></td></tr>\n"
                : $"<td class=\"pending\">{PendingText}</td><td><pre>{H(w.Note ?? "")}</pre></td></tr>\n"));
        sb.Append("</table>\n");
    }

    // A hidden test's output can show its inputs and expected values; the page says only whether it passed.
    private static string HiddenSummary(TestResult t) => t.Passed ? "passed" : "failed";

    public static string InternalJson(SubmissionResult result) => JsonSerializer.Serialize(result, Indented);

    public static SubmissionResult? ReadInternal(string path)
    {
        try { return JsonSerializer.Deserialize<SubmissionResult>(File.ReadAllText(path)); }
        catch (Exception e) when (e is JsonException or IOException or NotSupportedException) { return null; }
    }

    private static string Num(double x) => x.ToString("0.##", CultureInfo.InvariantCulture);
}
