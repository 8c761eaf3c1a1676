using System.CommandLine;
using DlCourse.Cli.Grading;
using DlCourse.Cli.Notebooks;

namespace DlCourse.Cli.Commands;

/// <summary><c>dlcourse release SOURCE... --out DIR</c>: writes the student versions of source notebooks.</summary>
public static class ReleaseCommand
{
    public static Command Create()
    {
        var sources = new Argument<string[]>("source") { Description = "Source notebooks or folders of them (with solutions and hidden tests).", Arity = ArgumentArity.OneOrMore };
        var output = new Option<string>("--out") { Description = "Folder for the student notebooks.", Required = true };
        var command = new Command("release", "Write student notebooks: solutions stubbed, hidden tests removed, outputs cleared.") { sources, output };
        command.SetAction(r =>
        {
            var src = r.GetValue(sources)!;
            var dir = r.GetValue(output)!;
            try
            {
                var written = Releaser.ReleaseAll(src, dir);
                foreach (var path in written) Console.WriteLine($"released {path}");
                if (written.Count == 0) { Console.Error.WriteLine("release: no notebooks found."); return 1; }
                return 0;
            }
            catch (Exception e) when (e is MalformedSolutionException or NotebookFormatException or FileNotFoundException)
            {
                Console.Error.WriteLine($"release: {e.Message}");
                return 1;
            }
        });
        return command;
    }
}
