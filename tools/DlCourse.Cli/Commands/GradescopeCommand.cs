using System.CommandLine;
using DlCourse.Cli.Grading;
using DlCourse.Cli.Notebooks;

namespace DlCourse.Cli.Commands;

/// <summary><c>dlcourse gradescope --source DIR --out autograder.zip</c>: packages the autograder for Gradescope.</summary>
public static class GradescopeCommand
{
    public static Command Create()
    {
        var source = new Option<string>("--source", "Source notebooks (with solutions and hidden tests), inside the course repository.") { IsRequired = true };
        var output = new Option<string>("--out", () => "autograder.zip", "The zip to upload to Gradescope.");
        var repo = new Option<string?>("--repo", "The course repository (default: the folder above --source with DlCourse.Lib.csproj).");
        var timeout = new Option<double>("--timeout", () => 120, "Seconds a cell may run when grading on Gradescope.");
        var memory = new Option<int>("--memory", () => 2048, "Managed-heap limit of the grading worker in MB.");
        var command = new Command("gradescope", "Build a Gradescope autograder zip (setup.sh, run_autograder, sources).") { source, output, repo, timeout, memory };
        command.SetHandler(context =>
        {
            var r = context.ParseResult;
            try
            {
                var files = GradescopePackager.Build(r.GetValueForOption(source)!, r.GetValueForOption(output)!,
                    r.GetValueForOption(timeout), r.GetValueForOption(memory), r.GetValueForOption(repo));
                Console.WriteLine($"wrote {r.GetValueForOption(output)} ({files.Count} files)");
            }
            catch (Exception e) when (e is FileNotFoundException or DirectoryNotFoundException or ArgumentException or MalformedSolutionException or NotebookFormatException)
            {
                Console.Error.WriteLine($"gradescope: {e.Message}");
                context.ExitCode = 1;
            }
        });
        return command;
    }
}
