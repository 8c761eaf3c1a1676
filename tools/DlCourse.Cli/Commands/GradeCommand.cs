using System.CommandLine;
using DlCourse.Cli.Grading;
using DlCourse.Cli.Notebooks;
using Spectre.Console;

namespace DlCourse.Cli.Commands;

/// <summary><c>dlcourse grade --source DIR --submissions DIR --out DIR [-j N] [--timeout S]</c>: grades student submissions.</summary>
public static class GradeCommand
{
    public static Command Create()
    {
        var source = new Option<string>("--source", "Source notebooks (with solutions and hidden tests).") { IsRequired = true };
        var submissions = new Option<string>("--submissions", "One folder per student, or one submission folder (Gradescope's /autograder/submission).") { IsRequired = true };
        var output = new Option<string>("--out", "Folder for results.json, feedback.html, executed notebooks and gradebook.csv.") { IsRequired = true };
        var jobs = new Option<int>(["-j", "--jobs"], () => Math.Max(1, Environment.ProcessorCount), "Submissions graded at once.");
        var timeout = new Option<double>("--timeout", () => 60, "Seconds a cell may run before its worker is stopped.");
        var memory = new Option<int>("--memory", () => 1024, "Managed-heap limit of a worker in MB (native memory gets 1 GB more).");
        var single = new Option<bool>("--single", "Treat --submissions as one submission even if it holds folders.");
        var command = new Command("grade", "Grade submissions in sandboxed workers; write Gradescope results, feedback and a gradebook.")
            { source, submissions, output, jobs, timeout, memory, single };
        command.SetHandler(async context =>
        {
            var r = context.ParseResult;
            var options = new GradeOptions(r.GetValueForOption(source)!, r.GetValueForOption(submissions)!, r.GetValueForOption(output)!,
                r.GetValueForOption(jobs), r.GetValueForOption(timeout), r.GetValueForOption(memory), r.GetValueForOption(single) ? true : null);
            try { context.ExitCode = await RunAsync(options, context.GetCancellationToken()); }
            catch (OperationCanceledException)
            {
                Console.Error.WriteLine("grade: interrupted; the students already graded are saved, and a rerun goes on from there.");
                context.ExitCode = 130;
            }
            catch (Exception e) when (e is FileNotFoundException or DirectoryNotFoundException or MalformedSolutionException or NotebookFormatException)
            {
                Console.Error.WriteLine($"grade: {e.Message}");
                context.ExitCode = 1;
            }
        });
        return command;
    }

    private static async Task<int> RunAsync(GradeOptions options, CancellationToken cancellation)
    {
        var grader = new Grader(new RunnerExecutor(), options);
        IReadOnlyList<SubmissionResult> results = [];
        await AnsiConsole.Progress().AutoClear(false)
            .Columns(new TaskDescriptionColumn(), new ProgressBarColumn(), new PercentageColumn(), new ElapsedTimeColumn(), new SpinnerColumn())
            .StartAsync(async ctx =>
            {
                var task = ctx.AddTask("grading", maxValue: 1);
                var progress = new Progress<GradeProgress>(p =>
                {
                    task.MaxValue = Math.Max(1, p.Total);
                    if (!p.Finished) { task.Description = $"grading {Markup.Escape(p.Student)}"; return; }
                    task.Increment(1);
                    var r = p.Result!;
                    AnsiConsole.MarkupLine($"{(p.Skipped ? "[grey]already graded[/]" : "[green]graded[/]")} {Markup.Escape(r.Student)}: {r.Score:0.##}/{r.MaxScore:0.##}");
                });
                results = await grader.GradeAllAsync(progress, cancellation);
                task.Description = "graded";
            });
        Console.WriteLine($"{results.Count} submissions graded; gradebook: {Path.Combine(options.Out, "gradebook.csv")}");
        return 0;
    }
}
