using System.CommandLine;
using DlCourse.Cli.Grading;
using DlCourse.Cli.Notebooks;

namespace DlCourse.Cli.Commands;

/// <summary><c>dlcourse release SOURCE... --out DIR</c>: writes the student pack (folder and zip) of source notebooks.</summary>
public static class ReleaseCommand
{
    public static Command Create()
    {
        var sources = new Argument<string[]>("source") { Description = "Source notebooks or folders of them (with solutions and hidden tests).", Arity = ArgumentArity.OneOrMore };
        var output = new Option<string>("--out") { Description = "Folder for the student pack (a zip of it is written beside it).", Required = true };
        var command = new Command("release", "Write the student pack: notebooks with solutions stubbed, hidden tests removed and outputs cleared, the library they load, and a zip of it all.") { sources, output };
        command.SetAction(r =>
        {
            var src = r.GetValue(sources)!;
            var dir = r.GetValue(output)!;
            try
            {
                var pack = StudentPack.Write(src, dir);
                foreach (var path in pack.Notebooks) Console.WriteLine($"released {path}");
                Console.WriteLine($"pack {pack.Folder} and {pack.Zip}");
                return Exit.Ok;
            }
            catch (Exception e) when (e is MalformedSolutionException or NotebookFormatException or FileNotFoundException or PackException)
            {
                return Exit.Refuse("release", e.Message);
            }
        });
        return command;
    }
}
