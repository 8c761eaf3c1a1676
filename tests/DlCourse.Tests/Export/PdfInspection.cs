using System.Diagnostics;
using System.Globalization;
using System.Xml.Linq;

namespace DlCourse.Tests.Export;

/// <summary>Reads exported PDFs back with poppler (pdftotext, pdftoppm, pdfinfo): text, word positions and page pixels.</summary>
public static class PdfInspection
{
    public static int PageCount(string pdf)
    {
        var info = Run("pdfinfo", pdf);
        var line = info.Split('\n').First(l => l.StartsWith("Pages:", StringComparison.Ordinal));
        return int.Parse(line["Pages:".Length..].Trim(), CultureInfo.InvariantCulture);
    }

    /// <summary>The text of one page (1-based), or of the whole document when <paramref name="page"/> is null.</summary>
    public static string Text(string pdf, int? page = null) =>
        page is { } p ? Run("pdftotext", "-f", $"{p}", "-l", $"{p}", pdf, "-") : Run("pdftotext", pdf, "-");

    /// <summary>The text of every page, from one pdftotext run (it ends each page with a form feed).</summary>
    public static IReadOnlyList<string> PageTexts(string pdf) => Text(pdf).Split('\f')[..^1];

    /// <summary>Where a word is printed: its page (1-based) and box in points from the page's top left.</summary>
    public sealed record WordBox(int Page, double XMin, double YMin, double XMax, double YMax, double PageWidth, double PageHeight);

    public static WordBox? FindWord(string pdf, string word) => FindWord(Words(pdf), word);

    public static WordBox? FindWord(IReadOnlyList<(string Text, WordBox Box)> words, string word) =>
        words.FirstOrDefault(w => w.Text.Contains(word, StringComparison.Ordinal)).Box;

    /// <summary>Every place where the words of <paramref name="phrase"/> are printed one after another: the box of its first word.</summary>
    public static IEnumerable<WordBox> FindPhrase(IReadOnlyList<(string Text, WordBox Box)> words, string phrase)
    {
        var tokens = phrase.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        for (var i = 0; i + tokens.Length <= words.Count; i++)
            if (tokens.Select((t, k) => words[i + k].Text == t).All(match => match))
                yield return words[i].Box;
    }

    /// <summary>Every word of the document with its box (one pdftotext run, for documents searched many times).</summary>
    public static IReadOnlyList<(string Text, WordBox Box)> Words(string pdf)
    {
        XNamespace ns = "http://www.w3.org/1999/xhtml";
        var doc = XDocument.Parse(Run("pdftotext", "-bbox", pdf, "-"));
        var pages = doc.Descendants(ns + "page").ToList();
        var words = new List<(string, WordBox)>();
        for (var i = 0; i < pages.Count; i++)
            foreach (var w in pages[i].Elements(ns + "word"))
                words.Add((w.Value, new WordBox(i + 1, D(w, "xMin"), D(w, "yMin"), D(w, "xMax"), D(w, "yMax"), D(pages[i], "width"), D(pages[i], "height"))));
        return words;

        static double D(XElement e, string name) => double.Parse(e.Attribute(name)!.Value, CultureInfo.InvariantCulture);
    }

    /// <summary>A page rendered at <paramref name="dpi"/> as RGB pixels (pdftoppm's PPM output, parsed here).</summary>
    public sealed record Raster(int Width, int Height, byte[] Rgb, int Dpi)
    {
        /// <summary>Pixels in a box given in points that are not white (or that <paramref name="isInk"/> accepts).</summary>
        public int CountInk(double x0, double y0, double x1, double y1, Func<byte, byte, byte, bool>? isInk = null)
        {
            isInk ??= (r, g, b) => Math.Min(r, Math.Min(g, b)) < 245;
            int Px(double pt, int max) => Math.Clamp((int)(pt * Dpi / 72.0), 0, max);
            var count = 0;
            for (var y = Px(y0, Height); y < Px(y1, Height); y++)
                for (var x = Px(x0, Width); x < Px(x1, Width); x++)
                {
                    var i = 3 * (y * Width + x);
                    if (isInk(Rgb[i], Rgb[i + 1], Rgb[i + 2])) count++;
                }
            return count;
        }

        public int Pixels(double x0, double y0, double x1, double y1) =>
            (int)((x1 - x0) * Dpi / 72.0) * (int)((y1 - y0) * Dpi / 72.0);
    }

    public static Raster RenderPage(string pdf, int page, int dpi = 50)
    {
        var prefix = Path.Combine(Path.GetTempPath(), $"dlcourse-ppm-{Guid.NewGuid():N}");
        Run("pdftoppm", "-r", $"{dpi}", "-f", $"{page}", "-l", $"{page}", "-singlefile", pdf, prefix);
        var bytes = File.ReadAllBytes(prefix + ".ppm");
        File.Delete(prefix + ".ppm");
        // "P6 <width> <height> <maxval>" separated by single whitespace, then width*height RGB triples.
        var fields = new List<string>();
        var pos = 0;
        while (fields.Count < 4)
        {
            while (char.IsWhiteSpace((char)bytes[pos])) pos++;
            var start = pos;
            while (!char.IsWhiteSpace((char)bytes[pos])) pos++;
            fields.Add(System.Text.Encoding.ASCII.GetString(bytes, start, pos - start));
        }
        Assert.Equal("P6", fields[0]);
        Assert.Equal("255", fields[3]);
        int w = int.Parse(fields[1], CultureInfo.InvariantCulture), h = int.Parse(fields[2], CultureInfo.InvariantCulture);
        return new Raster(w, h, bytes[(pos + 1)..(pos + 1 + 3 * w * h)], dpi);
    }

    private static string Run(string tool, params string[] args)
    {
        var psi = new ProcessStartInfo(tool) { RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var a in args) psi.ArgumentList.Add(a);
        using var p = Process.Start(psi) ?? throw new InvalidOperationException($"{tool} did not start (apt-get install poppler-utils)");
        var stdout = p.StandardOutput.ReadToEndAsync();
        var stderr = p.StandardError.ReadToEnd();
        p.WaitForExit();
        if (p.ExitCode != 0) throw new InvalidOperationException($"{tool} {string.Join(' ', args)} failed: {stderr}");
        return stdout.Result;
    }
}
