using System.Globalization;
using System.Net;
using System.Text;
using Microsoft.DotNet.Interactive.Formatting;

namespace DlCourse.Derivations;

/// <summary>Notebook display of <see cref="DerivativeCheckResult"/>: a summary line and a table (only the worst rows when there are many).</summary>
public static class DerivativeCheckDisplay
{
    /// <summary>Tables longer than this show only the <see cref="RowsShown"/> worst entries.</summary>
    public const int FullTableLimit = 20;
    public const int RowsShown = 10;

    private static bool registered;

    public static void Register()
    {
        if (registered) return;
        Formatter.Register<DerivativeCheckResult>((r, w) => w.Write(Html(r)), HtmlFormatter.MimeType);
        Formatter.Register<DerivativeCheckResult>((r, w) => w.Write(Text(r)), PlainTextFormatter.MimeType);
        Formatter.SetPreferredMimeTypesFor(typeof(DerivativeCheckResult), HtmlFormatter.MimeType, PlainTextFormatter.MimeType);
        registered = true;
    }

    private static IReadOnlyList<DerivativeEntry> Shown(DerivativeCheckResult r, out string? note)
    {
        if (r.Entries.Count <= FullTableLimit) { note = null; return r.Entries; }
        note = $"showing the {RowsShown} worst of {r.Entries.Count} entries";
        return r.Worst(RowsShown).ToList();
    }

    public static string Html(DerivativeCheckResult r)
    {
        var rows = Shown(r, out var note);
        var s = new StringBuilder();
        s.Append("<div class=\"dlcourse-derivative-check\">");
        s.Append($"<p><b>{WebUtility.HtmlEncode(r.Title)}</b>: {(r.Passed ? "✓ passed" : "✗ FAILED")} — max abs error {G(r.MaxAbsError)}, ")
         .Append($"max rel error {G(r.MaxRelError)}, tolerance {G(r.Tolerance)}{(note is null ? "" : $" ({note})")}</p>");
        s.Append("<table><thead><tr><th>entry</th><th>analytic</th><th>numeric</th><th>abs error</th><th>rel error</th><th></th></tr></thead><tbody>");
        foreach (var e in rows)
            s.Append($"<tr><td>{WebUtility.HtmlEncode(e.Name)}</td><td>{G(e.Analytic, 8)}</td><td>{G(e.Numeric, 8)}</td>")
             .Append($"<td>{G(e.AbsError)}</td><td>{G(e.RelError)}</td><td>{(e.RelError <= r.Tolerance ? "✓" : "✗")}</td></tr>");
        s.Append("</tbody></table></div>");
        return s.ToString();
    }

    public static string Text(DerivativeCheckResult r)
    {
        var rows = Shown(r, out var note);
        var s = new StringBuilder(r.ToString());
        if (note is not null) s.Append($" ({note})");
        s.AppendLine();
        s.AppendLine($"{"entry",-14} {"analytic",16} {"numeric",16} {"abs error",10} {"rel error",10}");
        foreach (var e in rows)
            s.AppendLine($"{e.Name,-14} {G(e.Analytic, 8),16} {G(e.Numeric, 8),16} {G(e.AbsError),10} {G(e.RelError),10}");
        return s.ToString();
    }

    private static string G(double v, int digits = 3) => v.ToString("G" + digits, CultureInfo.InvariantCulture);
}
