using System.CommandLine;
using DlCourse.Cli.Commands;
using Spectre.Console;

// In CI logs there is no terminal width to honour; don't wrap result lines at 80 columns.
if (Console.IsOutputRedirected) AnsiConsole.Profile.Width = 200;

var root = new RootCommand("dlcourse: run, check, export and grade DlCourse notebooks.")
{
    RunCommand.Create(),
    CheckCommand.Create(),
    MayUseCommand.Create(),
    ReleaseCommand.Create(),
    SelfCheckCommand.Create(),
    GradeCommand.Create(),
    ReviewCommand.Create(),
    SimilarityCommand.Create(),
    GradescopeCommand.Create(),
    KernelCommand.Create(),
    ExportCommand.Create(),
};
var parsed = root.Parse(args);
// A usage error is bad input like any other (exit 2, one prefix), not System.CommandLine's own code.
if (parsed.Errors.Count > 0)
{
    foreach (var error in parsed.Errors) Console.Error.WriteLine($"dlcourse: {error.Message}");
    Console.Error.WriteLine("dlcourse: see `dlcourse --help`");
    return Exit.BadInput;
}
return await parsed.InvokeAsync();
