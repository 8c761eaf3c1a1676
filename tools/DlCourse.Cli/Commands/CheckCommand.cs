using System.CommandLine;
using DlCourse.Cli.Notebooks;
using Spectre.Console;

namespace DlCourse.Cli.Commands;

/// <summary><c>dlcourse check PATH...</c>: validates notebooks without running them.</summary>
public static class CheckCommand
{
    public static Command Create()
    {
        var paths = new Argument<string[]>("paths") { Description = "Notebooks, or folders searched for .ipynb files.", Arity = ArgumentArity.OneOrMore };
        var allowOutputs = new Option<bool>("--allow-outputs") { Description = "Accept outputs in cells (for executed notebooks)." };
        var command = new Command("check", "Validate notebooks: nbformat 4, Polyglot C# metadata, no stale outputs.") { paths, allowOutputs };
        command.SetAction(r => Check(r.GetValue(paths)!, r.GetValue(allowOutputs)));
        return command;
    }

    /// <summary>Prints one line per problem; returns 0 when every notebook is fine, 1 when one is not, 2 for bad input.</summary>
    public static int Check(IEnumerable<string> paths, bool allowOutputs)
    {
        IReadOnlyList<NotebookPath> found;
        try
        {
            found = NotebookPaths.Expand(paths);
        }
        catch (NotebookFormatException e)
        {
            return Exit.Refuse("check", e.Message);
        }

        var bad = 0;
        foreach (var path in found)
        {
            IReadOnlyList<string> problems;
            try
            {
                problems = NotebookValidator.Validate(Notebook.Load(path.Source), Path.GetDirectoryName(path.Source), allowOutputs);
            }
            catch (NotebookFormatException e)
            {
                problems = [e.Message.StartsWith(path.Source, StringComparison.Ordinal) ? e.Message[(path.Source.Length + 2)..] : e.Message];
            }
            if (problems.Count == 0)
            {
                AnsiConsole.MarkupLine($"[green]✓[/] {Markup.Escape(path.Relative)}");
                continue;
            }
            bad++;
            foreach (var problem in problems) AnsiConsole.MarkupLine($"[red]✗[/] {Markup.Escape(path.Relative)}: {Markup.Escape(problem)}");
        }
        return Exit.Of(bad);
    }
}
