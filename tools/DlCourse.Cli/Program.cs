using System.CommandLine;
using DlCourse.Cli.Commands;

var root = new RootCommand("dlcourse: run, check, export, release and grade the course notebooks.");
root.AddCommand(ReleaseCommand.Create());
root.AddCommand(GradeCommand.Create());
root.AddCommand(GradescopeCommand.Create());
return await root.InvokeAsync(args);
