using System.Text;
using Microsoft.DotNet.Interactive.Formatting;

namespace DlCourse.Metrics;

/// <summary>Notebook display of <see cref="ConfusionMatrix"/>: an HTML table with truth rows, predicted columns and the diagonal in bold.
/// For a heatmap use <c>Charts.ConfusionMatrix</c>.</summary>
public static class ConfusionMatrixDisplay
{
    private static bool registered;

    public static void Register()
    {
        if (registered) return;
        Formatter.Register<ConfusionMatrix>((m, w) => w.Write(Html(m)), HtmlFormatter.MimeType);
        Formatter.Register<ConfusionMatrix>((m, w) => w.Write(m.ToString()), PlainTextFormatter.MimeType);
        Formatter.SetPreferredMimeTypesFor(typeof(ConfusionMatrix), HtmlFormatter.MimeType, PlainTextFormatter.MimeType);
        registered = true;
    }

    public static string Html(ConfusionMatrix m)
    {
        var s = new StringBuilder("<table class=\"dlcourse-confusion-matrix\"><thead><tr><th>truth \\ predicted</th>");
        for (int p = 0; p < m.ClassCount; p++) s.Append($"<th>{p}</th>");
        s.Append("</tr></thead><tbody>");
        for (int t = 0; t < m.ClassCount; t++)
        {
            s.Append($"<tr><th>{t}</th>");
            for (int p = 0; p < m.ClassCount; p++) s.Append(t == p ? $"<td><b>{m[t, p]}</b></td>" : $"<td>{m[t, p]}</td>");
            s.Append("</tr>");
        }
        return s.Append("</tbody></table>").ToString();
    }
}
