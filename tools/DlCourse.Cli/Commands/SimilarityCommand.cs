using System.CommandLine;
using System.Globalization;
using DlCourse.Cli.Grading;
using DlCourse.Cli.Grading.Similarity;
using DlCourse.Cli.Notebooks;

namespace DlCourse.Cli.Commands;

/// <summary><c>dlcourse similarity --source S --submissions SUBS --out DIR</c>: pairs of students whose answers are suspiciously alike, per question.</summary>
public static class SimilarityCommand
{
    private static readonly SimilarityOptions Defaults = new(".", ".", ".");

    public static Command Create()
    {
        var source = new Option<string>("--source") { Description = "Source notebooks (with solutions): which cells are answers, and what was released.", Required = true };
        var submissions = new Option<string>("--submissions") { Description = "One folder per student, as for grade.", Required = true };
        var output = new Option<string>("--out") { Description = "Folder for similarity.json and similarity.html.", Required = true };
        var minScore = new Option<double>("--min-score") { Description = "Report pairs whose score (the share of one answer's own text found in the other, rare text weighing more) is at least this.", DefaultValueFactory = _ => Defaults.MinScore };
        var top = new Option<int>("--top") { Description = "At most this many pairs per question, highest scores first.", DefaultValueFactory = _ => Defaults.Top };
        var common = new Option<double>("--common") { Description = $"Text in the answers of more than this share of the students (and of more than {Defaults.CommonMinimum}) is common code, not evidence.", DefaultValueFactory = _ => Defaults.CommonFraction };
        var jobs = new Option<int>("--jobs", "-j") { Description = "Students read and pairs compared at once.", DefaultValueFactory = _ => Math.Max(1, Environment.ProcessorCount) };
        var command = new Command("similarity", "Rank the pairs of students whose answers to a question are suspiciously alike (code and written answers), with the released text subtracted.")
            { source, submissions, output, minScore, top, common, jobs };
        command.SetAction(r => Run(() => new SimilarityOptions(r.GetValue(source)!, r.GetValue(submissions)!, r.GetValue(output)!)
        {
            MinScore = r.GetValue(minScore), Top = r.GetValue(top), CommonFraction = r.GetValue(common), Jobs = r.GetValue(jobs),
        }, Console.Out, Console.Error));
        return command;
    }

    /// <summary>Compares and writes the report; one line per question on stdout, one per unreadable notebook on stderr. Exit 0; 2 for bad input; 1 when the report could not be written.</summary>
    /// <param name="options">Made here, so that a bad setting is reported like any other bad input.</param>
    public static int Run(Func<SimilarityOptions> options, TextWriter stdout, TextWriter stderr)
    {
        try
        {
            var settings = options();
            var report = SimilarityChecker.Run(settings);
            foreach (var note in report.Notes) stderr.WriteLine($"dlcourse similarity: {note}");
            foreach (var q in report.Questions)
            {
                var best = report.Pairs.FirstOrDefault(p => p.Question == q.Question && p.Notebook == q.Notebook);
                stdout.WriteLine($"{q.Question} ({(q.Kind == QuestionKind.Code ? "code" : "written")}): {q.Answered} answers, "
                                 + $"{q.Pairs} similar {(q.Pairs == 1 ? "pair" : "pairs")}"
                                 + (best is null ? "" : $", highest {best.Score.ToString("0.00", CultureInfo.InvariantCulture)} ({best.Students[0]}, {best.Students[1]})"));
            }
            stdout.WriteLine($"report: {Path.Combine(settings.Out, SimilarityChecker.HtmlFile)} and {SimilarityChecker.JsonFile}");
            return Exit.Ok;
        }
        catch (Exception e) when (e is FileNotFoundException or DirectoryNotFoundException or MalformedSolutionException or NotebookFormatException
                                   or InvalidDataException or ArgumentException)
        {
            return Exit.Refuse("similarity", e.Message, stderr);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return Exit.Fail("similarity", $"the report could not be written: {e.Message}", stderr);
        }
    }
}
