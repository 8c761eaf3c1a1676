using System.CommandLine;
using DlCourse.Cli.Grading;
using DlCourse.Cli.Notebooks;

namespace DlCourse.Cli.Commands;

/// <summary><c>dlcourse gradescope --source DIR --out autograder.zip [--course FILE [--extensions FILE] [--submitted FILE]]</c>:
/// packages the autograder for Gradescope, with the late policy's files when given.</summary>
public static class GradescopeCommand
{
    public static Command Create()
    {
        var source = new Option<string>("--source") { Description = "Source notebooks (with solutions and hidden tests), inside the course repository.", Required = true };
        var output = new Option<string>("--out") { Description = "The zip to upload to Gradescope.", DefaultValueFactory = _ => "autograder.zip" };
        var repo = new Option<string?>("--repo") { Description = "The course repository (default: the folder above --source with DlCourse.Lib.csproj)." };
        var timeout = new Option<double>("--timeout") { Description = "Seconds a cell may run when grading on Gradescope.", DefaultValueFactory = _ => 120 };
        var memory = new Option<int>("--memory") { Description = "Managed-heap limit of the grading worker in MB.", DefaultValueFactory = _ => 2048 };
        // Gradescope grades written answers best as its own questions (answer sheets: `dlcourse export --answers`).
        var written = WrittenOption.Create(WrittenGrading.Manual);
        var course = new Option<string?>("--course") { Description = "Course file (JSON: due dates, time zone, late policy); travels in the zip, and results.json applies it." };
        var extensions = new Option<string?>("--extensions") { Description = "Extensions (CSV: student,assignment,due, the student by their Gradescope email); needs --course." };
        var submitted = new Option<string?>("--submitted") { Description = "Earlier assignments' submission times (CSV: student,assignment,submitted_at), for the late-day budget; needs --course." };
        var command = new Command("gradescope", "Build a Gradescope autograder zip (setup.sh, run_autograder, sources).")
            { source, output, repo, timeout, memory, written, course, extensions, submitted };
        command.SetAction(r =>
        {
            if (r.GetValue(course) is null && (r.GetValue(extensions) is not null || r.GetValue(submitted) is not null))
                return Exit.Refuse("gradescope", "--extensions and --submitted need --course (the due dates and the late policy).");
            try
            {
                var late = r.GetValue(course) is { } c ? new GradescopeLateFiles(c, r.GetValue(extensions), r.GetValue(submitted)) : null;
                var files = GradescopePackager.Build(r.GetValue(source)!, r.GetValue(output)!,
                    r.GetValue(timeout), r.GetValue(memory), r.GetValue(repo), WrittenOption.Parse(r.GetValue(written)!), late);
                Console.WriteLine($"wrote {r.GetValue(output)} ({files.Count} files)");
                return Exit.Ok;
            }
            catch (Exception e) when (e is FileNotFoundException or DirectoryNotFoundException or ArgumentException or MalformedSolutionException or NotebookFormatException
                                       or InvalidDataException)
            {
                return Exit.Refuse("gradescope", e.Message);
            }
        });
        return command;
    }
}
