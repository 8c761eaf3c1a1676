using System.CommandLine;
using DlCourse.Cli.Grading;
using DlCourse.Cli.Grading.Results;
using DlCourse.Cli.Notebooks;
using Spectre.Console;

namespace DlCourse.Cli.Commands;

/// <summary><c>dlcourse self-check NOTEBOOK...</c>: a student runs their notebook's visible tests exactly as the grader will.</summary>
public static class SelfCheckCommand
{
    public static Command Create()
    {
        var notebooks = new Argument<string[]>("notebooks") { Description = "Your notebooks, inside the student pack.", Arity = ArgumentArity.OneOrMore };
        var timeout = new Option<double>("--timeout") { Description = "Seconds a cell may run, as in grading.", DefaultValueFactory = _ => 60 };
        var command = new Command("self-check", "Run your notebook's visible tests as the grader will (same screen, kernel and limits) and print what passes.")
            { notebooks, timeout };
        command.SetAction(async (r, cancellation) =>
        {
            int failures = 0;
            foreach (var notebook in r.GetValue(notebooks)!)
            {
                QuestionResult result;
                try { result = await SelfCheck.RunAsync(notebook, r.GetValue(timeout), cancellation); }
                catch (Exception e) when (e is PackException or FileNotFoundException or NotebookFormatException)
                {
                    return Exit.Refuse("self-check", e.Message);
                }
                var codePoints = result.Tests.Sum(t => t.MaxScore);
                AnsiConsole.MarkupLine($"[bold]{Markup.Escape(notebook)}[/]: {result.Tests.Sum(t => t.Score):0.##}/{codePoints:0.##} points from the visible tests (hidden tests are added when graded)");
                foreach (var test in result.Tests)
                {
                    AnsiConsole.MarkupLine($"  {(test.Passed ? "[green]✓ passes[/]" : "[red]✗ fails [/]")} {Markup.Escape(test.GradeId)} ({test.Score:0.##}/{test.MaxScore:0.##})");
                    if (!test.Passed && test.Output.Length > 0) Console.WriteLine(Indent(test.Output));
                }
                foreach (var written in result.Written)
                    AnsiConsole.MarkupLine($"  [grey]✎ {Markup.Escape(written.GradeId)} ({written.MaxScore:0.##} points) is a written answer, scored by hand after grading: {(written.Answer.Trim().Length == 0 || written.Answer.Trim() == "YOUR ANSWER HERE" ? "not written yet" : "written")}[/]");
                foreach (var note in result.Notes) Console.WriteLine($"  note: {note}");
                if (result.Tests.Any(t => !t.Passed) || result.Notes.Count > 0) failures++;
            }
            return Exit.Of(failures);
        });
        return command;
    }

    private static string Indent(string text) => string.Join('\n', text.Split('\n').Take(12).Select(l => "      " + l));
}
