using System.CommandLine;
using DlCourse.Cli.Grading;
using DlCourse.Cli.Notebooks;

namespace DlCourse.Cli.Commands;

/// <summary><c>dlcourse release SOURCE... --out DIR</c>: writes the student versions of source notebooks.</summary>
public static class ReleaseCommand
{
    public static Command Create()
    {
        var sources = new Argument<string[]>("source", "Source notebooks or folders of them (with solutions and hidden tests).") { Arity = ArgumentArity.OneOrMore };
        var output = new Option<string>("--out", "Folder for the student notebooks.") { IsRequired = true };
        var command = new Command("release", "Write student notebooks: solutions stubbed, hidden tests removed, outputs cleared.") { sources, output };
        command.SetHandler(context =>
        {
            var src = context.ParseResult.GetValueForArgument(sources);
            var dir = context.ParseResult.GetValueForOption(output)!;
            try
            {
                var written = Releaser.ReleaseAll(src, dir);
                foreach (var path in written) Console.WriteLine($"released {path}");
                if (written.Count == 0) { Console.Error.WriteLine("release: no notebooks found."); context.ExitCode = 1; }
            }
            catch (Exception e) when (e is MalformedSolutionException or NotebookFormatException or FileNotFoundException)
            {
                Console.Error.WriteLine($"release: {e.Message}");
                context.ExitCode = 1;
            }
        });
        return command;
    }
}
