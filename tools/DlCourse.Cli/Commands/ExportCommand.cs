using System.CommandLine;
using System.CommandLine.Invocation;
using DlCourse.Cli.Export;
using DlCourse.Cli.Grading.Lms;
using DlCourse.Cli.Notebooks;

namespace DlCourse.Cli.Commands;

/// <summary><c>dlcourse export PATH... --to pdf|html --out DIR</c>: notebooks to offline HTML or PDF, or one assignment report;
/// <c>dlcourse export --gradebook canvas|moodle --grades DIR --out FILE.csv [--roster FILE]</c>: final grades for the LMS.</summary>
public static class ExportCommand
{
    public static Command Create()
    {
        var paths = new Argument<string[]>("paths") { Description = "notebooks (.ipynb) or folders of notebooks", Arity = ArgumentArity.ZeroOrMore };
        var to = new Option<string>("--to") { Description = "output format", DefaultValueFactory = _ => "pdf" };
        to.AcceptOnlyFromAmong("pdf", "html");
        var outDir = new Option<string>("--out") { Description = "folder to write the exports to", DefaultValueFactory = _ => "out/export" };
        var report = new Option<bool>("--report") { Description = "one document for all notebooks: a title page, then each question on a new page" };
        var title = new Option<string?>("--title") { Description = "report title (default: from the assignment folder, e.g. \"A1 — Loss functions\")" };
        var course = new Option<string?>("--course") { Description = "course name on the title page" };
        var studentName = new Option<string?>("--student-name") { Description = "student name on the title page (default: notebook metadata dlcourse.student.name)" };
        var studentId = new Option<string?>("--student-id") { Description = "student id on the title page (default: notebook metadata dlcourse.student.id)" };
        var noCode = new Option<bool>("--no-code") { Description = "hide code cells, keep their outputs" };
        var noOutputs = new Option<bool>("--no-outputs") { Description = "hide outputs" };
        var answers = new Option<bool>("--answers") { Description = "PATHS are submissions: per student, one PDF of their written answers, one per page (Gradescope's manual grading); needs --source" };
        var source = new Option<string?>("--source") { Description = "source notebooks, for --answers: which cells are written answers, in which order" };
        var gradebook = new Option<string?>("--gradebook") { Description = "instead of notebooks: the final grades of --grades as the CSV this LMS imports (--out FILE.csv)" };
        gradebook.AcceptOnlyFromAmong("canvas", "moodle");
        var grades = new Option<string?>("--grades") { Description = "for --gradebook: the grades folder `dlcourse grade --out` wrote" };
        var roster = new Option<string?>("--roster") { Description = "for --gradebook: CSV mapping each student folder to its LMS name and IDs (student,name,canvas_id,sis_user_id,sis_login_id,section,email,id_number)" };

        var command = new Command("export", "Export notebooks to HTML or PDF, offline, with math, outputs and charts")
        {
            paths, to, outDir, report, title, course, studentName, studentId, noCode, noOutputs, answers, source, gradebook, grades, roster,
        };
        command.SetAction(async (r, _) =>
        {
            if (r.GetValue(gradebook) is { } lms)
            {
                if (r.GetValue(paths) is { Length: > 0 } || r.GetValue(answers))
                    return Exit.Refuse("export", "--gradebook exports a grades folder (--grades DIR), not notebooks.");
                if (r.GetValue(grades) is not { } gradesDir || !r.GetValue(outDir)!.EndsWith(".csv", StringComparison.OrdinalIgnoreCase))
                    return Exit.Refuse("export", "--gradebook needs --grades DIR (what `dlcourse grade --out` wrote) and --out FILE.csv.");
                return Gradebook(Enum.Parse<LmsKind>(lms, ignoreCase: true), gradesDir, r.GetValue(roster), r.GetValue(outDir)!, Console.Out, Console.Error);
            }
            if (r.GetValue(paths) is not { Length: > 0 })
                return Exit.Refuse("export", "give the notebooks or folders to export (or --gradebook canvas|moodle --grades DIR).");
            var options = new ExportOptions
            {
                Format = r.GetValue(to) == "html" ? ExportFormat.Html : ExportFormat.Pdf,
                OutDir = r.GetValue(outDir)!,
                Report = r.GetValue(report) || r.GetValue(title) is not null
                         || r.GetValue(studentName) is not null || r.GetValue(studentId) is not null,
                Title = r.GetValue(title),
                StudentName = r.GetValue(studentName),
                StudentId = r.GetValue(studentId),
                IncludeCode = !r.GetValue(noCode),
                IncludeOutputs = !r.GetValue(noOutputs),
            };
            if (r.GetValue(course) is { } c) options = options with { Course = c };
            if (!r.GetValue(answers)) return await RunAsync(r.GetValue(paths)!, options, Console.Out, Console.Error);
            if (r.GetValue(source) is not { } sourceFolder || options.Format != ExportFormat.Pdf)
            {
                return Exit.Refuse("export", "--answers needs --source (the source notebooks) and writes PDF only.");
            }
            return await AnswerSheets.ExportAsync(sourceFolder, r.GetValue(paths)!, options, Console.Out, Console.Error);
        });
        return command;
    }

    /// <summary>Writes the final grades of <paramref name="grades"/> as <paramref name="lms"/> imports them; exit code 0, 1 when a
    /// score was left out (written answers pending review, a grader failure: each named on stderr), or 2 (bad input).</summary>
    public static int Gradebook(LmsKind lms, string grades, string? roster, string outFile, TextWriter stdout, TextWriter stderr)
    {
        try
        {
            var book = LmsGradebook.Load(grades, roster is null ? Roster.None : Roster.Load(roster));
            AtomicFile.WriteAllText(outFile, book.Csv(lms));
            foreach (var warning in book.Warnings) stderr.WriteLine($"warning: {warning}");
            stdout.WriteLine($"wrote {outFile} ({book.Rows.Count} {(book.Rows.Count == 1 ? "student" : "students")}, {book.Assignments.Count} {(book.Assignments.Count == 1 ? "assignment" : "assignments")}, for {lms})"
                + (book.Warnings.Count > 0 ? $"; {book.Warnings.Count} left blank" : ""));
            return Exit.Of(book.Warnings.Count);
        }
        catch (InvalidDataException e)
        {
            return Exit.Refuse("export", e.Message, stderr);
        }
    }

    /// <summary>Runs an export, printing one line per file or one line saying what went wrong; exit code 0, 1 (export failed) or 2 (bad input, as in <c>dlcourse run</c>).</summary>
    public static async Task<int> RunAsync(IReadOnlyList<string> paths, ExportOptions options, TextWriter stdout, TextWriter stderr)
    {
        var started = System.Diagnostics.Stopwatch.StartNew();
        try
        {
            var files = await NotebookExporter.ExportAsync(paths, options, onExported: file =>
            {
                if (file.Error is not null) stderr.WriteLine($"dlcourse export: {file.Error}");
                else stdout.WriteLine($"wrote {file.Path}");
                foreach (var url in file.Print?.BlockedUrls ?? [])
                    stderr.WriteLine($"warning: {file.Path}: blocked a network request to {url} (exports use only bundled assets)");
                foreach (var error in file.Print?.PageErrors ?? [])
                    stderr.WriteLine($"warning: {file.Path}: {error}");
            });
            var failed = files.Count(f => !f.Succeeded);
            stdout.WriteLine($"exported {files.Count - failed} file(s) in {started.Elapsed.TotalSeconds:0.0} s" + (failed > 0 ? $"; {failed} failed" : ""));
            return Exit.Of(failed);
        }
        catch (NotebookFormatException e)
        {
            return Exit.Refuse("export", e.Message, stderr);
        }
        catch (ExportException e)
        {
            return Exit.Fail("export", e.Message, stderr); // the machine could not export (no Chromium, a render timeout)
        }
    }
}
