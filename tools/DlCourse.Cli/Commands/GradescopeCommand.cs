using System.CommandLine;
using DlCourse.Cli.Grading;
using DlCourse.Cli.Notebooks;

namespace DlCourse.Cli.Commands;

/// <summary><c>dlcourse gradescope --source DIR --out autograder.zip</c>: packages the autograder for Gradescope.</summary>
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
        var command = new Command("gradescope", "Build a Gradescope autograder zip (setup.sh, run_autograder, sources).")
            { source, output, repo, timeout, memory, written };
        command.SetAction(r =>
        {
            try
            {
                var files = GradescopePackager.Build(r.GetValue(source)!, r.GetValue(output)!,
                    r.GetValue(timeout), r.GetValue(memory), r.GetValue(repo), WrittenOption.Parse(r.GetValue(written)!));
                Console.WriteLine($"wrote {r.GetValue(output)} ({files.Count} files)");
                return Exit.Ok;
            }
            catch (Exception e) when (e is FileNotFoundException or DirectoryNotFoundException or ArgumentException or MalformedSolutionException or NotebookFormatException)
            {
                return Exit.Refuse("gradescope", e.Message);
            }
        });
        return command;
    }
}
