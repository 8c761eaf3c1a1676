using System.Globalization;
using System.Net;
using System.Text;

namespace DlCourse.Cli.Grading.Similarity;

/// <summary>similarity.html: each question's pairs, ranked, side by side, each matching region in the same colour and number on both sides.</summary>
/// <remarks>One self-contained file with no script; every student's text and name is HTML-encoded.</remarks>
internal static class SimilarityPage
{
    private const int Colours = 6;

    /// <param name="cells">A student's answer cells to one question (by the pair's question and notebook).</param>
    public static string Render(SimilarityReport report, Func<SimilarPair, string, IReadOnlyList<AnswerCell>> cells)
    {
        var html = new StringBuilder();
        html.Append($"""
            <!DOCTYPE html>
            <html lang="en"><head><meta charset="utf-8"><title>Similar answers</title>
            <style>{Style}</style></head><body>
            <h1>Similar answers</h1>
            <p>{report.Students} students compared. A pair's score is the share of one answer's own text (not released, not
            common to many students; text few others wrote weighs more) that lies in matching regions of the other; renamed
            names, changed numbers and comments, moved statements and helpers do not hide a match. Similar is not proof: read both answers.</p>
            """);
        if (report.Notes.Count > 0)
            html.Append("<h2>Not compared</h2><ul class=\"notes\">").AppendJoin("", report.Notes.Select(n => $"<li>{H(n)}</li>")).Append("</ul>");
        html.Append("<nav><ul>");
        foreach (var (q, i) in report.Questions.Select((q, i) => (q, i)))
            html.Append($"<li><a href=\"#q{i}\">{H(q.Question)}</a> ({Kind(q.Kind)}): {q.Pairs} {(q.Pairs == 1 ? "pair" : "pairs")}</li>");
        html.Append("</ul></nav>");
        foreach (var (q, i) in report.Questions.Select((q, i) => (q, i)))
            Question(html, q, i, report.Pairs.Where(p => p.Question == q.Question && p.Notebook == q.Notebook).ToList(), cells);
        return html.Append("</body></html>\n").ToString();
    }

    private static void Question(StringBuilder html, QuestionSummary q, int index, List<SimilarPair> pairs,
        Func<SimilarPair, string, IReadOnlyList<AnswerCell>> cells)
    {
        html.Append($"<section id=\"q{index}\"><h2>{H(q.Question)} <small>{Kind(q.Kind)}, {H(q.Notebook)}</small></h2>");
        html.Append($"<p>{q.Answered} answers; {q.Candidates} pairs shared fingerprints; {q.Pairs} reported"
                    + (q.Omitted > 0 ? $", {q.Omitted} more over the minimum score left out (--top)" : "") + ".</p>");
        if (pairs.Count == 0) { html.Append("<p>No similar pairs.</p></section>"); return; }
        html.Append("<table><tr><th>rank</th><th>students</th><th>score</th><th>coverage</th></tr>");
        foreach (var p in pairs)
            html.Append($"<tr><td><a href=\"#q{index}-{p.Rank}\">{p.Rank}</a></td><td>{H(p.Students[0])} — {H(p.Students[1])}</td>"
                        + $"<td>{Percent(p.Score)}</td><td>{Percent(p.Coverage[0])} / {Percent(p.Coverage[1])}</td></tr>");
        html.Append("</table>");
        foreach (var p in pairs) Pair(html, index, p, cells);
        html.Append("</section>");
    }

    private static void Pair(StringBuilder html, int question, SimilarPair pair, Func<SimilarPair, string, IReadOnlyList<AnswerCell>> cells)
    {
        html.Append($"<article id=\"q{question}-{pair.Rank}\"><h3>#{pair.Rank} {H(pair.Students[0])} — {H(pair.Students[1])}: {Percent(pair.Score)}</h3>");
        html.Append("<ol class=\"matches\">");
        foreach (var (m, i) in pair.Matches.Select((m, i) => (m, i)))
            html.Append($"<li class=\"m{i % Colours}\">{Where(m.Lines[0])} ↔ {Where(m.Lines[1])} ({m.Tokens} tokens)</li>");
        html.Append("</ol><div class=\"sides\">");
        for (var side = 0; side < 2; side++)
        {
            var student = pair.Students[side];
            html.Append($"<div class=\"side\"><h4>{H(student)} <small>{Percent(pair.Coverage[side])} of {pair.OwnTokens[side]} own tokens match</small></h4>");
            foreach (var cell in cells(pair, student)) Cell(html, cell, pair.Matches.Select(m => m.Lines[side]).ToList());
            html.Append("</div>");
        }
        html.Append("</div></article>");
    }

    // The cell's lines, numbered, each in the colour of the first match that covers it.
    private static void Cell(StringBuilder html, AnswerCell cell, List<SimilarityRegion> regions)
    {
        html.Append($"<div class=\"cell\"><div class=\"id\">{H(cell.GradeId)}</div><pre>");
        var lines = cell.Text.Split('\n');
        for (var line = 1; line <= lines.Length; line++)
        {
            var match = regions.FindIndex(r => r.Cell == cell.GradeId && r.From <= line && line <= r.To);
            var mark = match < 0 ? "" : $" class=\"m{match % Colours}\" title=\"match {match + 1}\"";
            var label = match < 0 ? "" : (match + 1).ToString(CultureInfo.InvariantCulture);
            html.Append($"<span{mark}><i>{line}</i><b>{label}</b>{H(lines[line - 1])}\n</span>");
        }
        html.Append("</pre></div>");
    }

    private static string Where(SimilarityRegion r) => $"{H(r.Cell)} {(r.From == r.To ? $"line {r.From}" : $"lines {r.From}–{r.To}")}";

    private static string Kind(QuestionKind kind) => kind == QuestionKind.Code ? "code" : "written";

    private static string Percent(double share) => share.ToString("0%", CultureInfo.InvariantCulture);

    private static string H(string text) => WebUtility.HtmlEncode(text);

    private const string Style = """
        body { font: 15px/1.45 system-ui, sans-serif; margin: 2em auto; max-width: 110em; padding: 0 1em; color: #222; }
        h2 small, h3 small, h4 small { font-weight: normal; color: #666; }
        table { border-collapse: collapse; margin: .5em 0 1.5em; } td, th { border: 1px solid #ccc; padding: .2em .6em; text-align: left; }
        article { border-top: 2px solid #999; margin-top: 2em; }
        .sides { display: grid; grid-template-columns: 1fr 1fr; gap: 1em; }
        .side { min-width: 0; } .cell { margin-bottom: 1em; } .cell .id { font-size: 12px; color: #666; }
        pre { margin: 0; padding: .4em 0; background: #f7f7f7; overflow-x: auto; font-size: 13px; }
        pre span { display: block; padding-right: .5em; white-space: pre; }
        pre i, pre b { display: inline-block; text-align: right; color: #888; font-style: normal; font-weight: normal; user-select: none; }
        pre i { width: 3em; padding-right: .5em; } pre b { width: 1.6em; padding-right: .6em; color: #333; }
        .m0 { background: #ffe08a; } .m1 { background: #b8e6b8; } .m2 { background: #bcdcff; }
        .m3 { background: #f5c2e7; } .m4 { background: #ffd0a8; } .m5 { background: #d6ccff; }
        ol.matches li { width: fit-content; padding: 0 .4em; margin: .1em 0; }
        """;
}
