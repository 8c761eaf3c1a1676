using System.CommandLine;
using DlCourse.Cli.Commands;
using Spectre.Console;

// In CI logs there is no terminal width to honour; don't wrap result lines at 80 columns.
if (Console.IsOutputRedirected) AnsiConsole.Profile.Width = 200;

var root = new RootCommand("dlcourse: run, check, export and grade DlCourse notebooks.")
{
    RunCommand.Create(),
    CheckCommand.Create(),
    ReleaseCommand.Create(),
    SelfCheckCommand.Create(),
    GradeCommand.Create(),
    ReviewCommand.Create(),
    GradescopeCommand.Create(),
    KernelCommand.Create(),
    ExportCommand.Create(),
};
return await root.Parse(args).InvokeAsync();
