using System.CommandLine;
using DlCourse.Cli.Grading;
using DlCourse.Cli.Grading.Late;
using DlCourse.Cli.Grading.Results;
using DlCourse.Cli.Notebooks;
using Spectre.Console;

namespace DlCourse.Cli.Commands;

/// <summary><c>dlcourse grade --source DIR --submissions DIR --out DIR [-j N] [--timeout S] [--course FILE --submitted FILE [--extensions FILE]]</c>:
/// grades student submissions, and applies the course's late policy.</summary>
public static class GradeCommand
{
    public static Command Create()
    {
        var source = new Option<string>("--source") { Description = "Source notebooks (with solutions and hidden tests).", Required = true };
        var submissions = new Option<string>("--submissions") { Description = "One folder per student, or one submission folder (Gradescope's /autograder/submission).", Required = true };
        var output = new Option<string>("--out") { Description = "Folder for results.json, feedback.html, executed notebooks and gradebook.csv.", Required = true };
        var jobs = new Option<int>("--jobs", "-j") { Description = "Submissions graded at once.", DefaultValueFactory = _ => Math.Max(1, Environment.ProcessorCount) };
        var timeout = new Option<double>("--timeout") { Description = "Seconds a cell may run before its worker is stopped.", DefaultValueFactory = _ => 60 };
        var memory = new Option<int>("--memory") { Description = "Managed-heap limit of a worker in MB (native memory gets 1 GB more).", DefaultValueFactory = _ => 1024 };
        var single = new Option<bool>("--single") { Description = "Treat --submissions as one submission even if it holds folders." };
        var written = WrittenOption.Create(WrittenGrading.Autograder);
        var course = new Option<string?>("--course") { Description = "Course file (JSON): each assignment's due date, the time zone and the late policy." };
        var extensions = new Option<string?>("--extensions") { Description = "Extensions (CSV: student,assignment,due): per-student new due dates." };
        var submitted = new Option<string[]>("--submitted")
        {
            Description = "Submission times: the LMS's manifest (CSV: student,submitted_at or student,assignment,submitted_at) or Gradescope's "
                          + "submission_metadata.json; may be given more than once.",
            Arity = ArgumentArity.OneOrMore,
        };
        var command = new Command("grade", "Grade submissions in sandboxed workers; write Gradescope results, feedback and a gradebook.")
            { source, submissions, output, jobs, timeout, memory, single, written, course, extensions, submitted };
        command.SetAction(async (r, cancellation) =>
        {
            var times = r.GetValue(submitted) ?? [];
            if (r.GetValue(course) is null && (times.Length > 0 || r.GetValue(extensions) is not null))
                return Exit.Refuse("grade", "--submitted and --extensions need --course (the due dates and the late policy).");
            try
            {
                // Read before anything runs: a malformed file is the instructor's to fix, not a grading run's to guess.
                var late = r.GetValue(course) is { } c ? LateRules.Load(c, r.GetValue(extensions), times) : null;
                var options = new GradeOptions(r.GetValue(source)!, r.GetValue(submissions)!, r.GetValue(output)!,
                    r.GetValue(jobs), r.GetValue(timeout), r.GetValue(memory), r.GetValue(single) ? true : null,
                    Written: WrittenOption.Parse(r.GetValue(written)!), Late: late);
                return await RunAsync(options, cancellation);
            }
            catch (OperationCanceledException)
            {
                return Exit.Interrupt("grade", "the students already graded are saved, and a rerun goes on from there.");
            }
            catch (Exception e) when (e is FileNotFoundException or DirectoryNotFoundException or MalformedSolutionException or NotebookFormatException
                                       or InvalidDataException)
            {
                return Exit.Refuse("grade", e.Message);
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
                    AnsiConsole.MarkupLine($"{(p.Skipped ? "[grey]already graded[/]" : "[green]graded[/]")} {Markup.Escape(r.Student)}: {r.FinalScore:0.##}/{r.MaxScore:0.##}"
                        + (r.Penalty > 0 ? $" ({r.Score:0.##} before the late penalty)" : ""));
                });
                results = await grader.GradeAllAsync(progress, cancellation);
                task.Description = "graded";
            });
        Console.WriteLine($"{results.Count} submissions graded; gradebook: {Path.Combine(options.Out, "gradebook.csv")}");
        // On stderr, which Gradescope shows the staff and not the student (results.json hides the autograder's output).
        if (grader.SandboxNotes.Count > 0)
            Console.Error.WriteLine($"the sandbox on this machine (also in {Path.Combine(options.Out, GradedFiles.SandboxNotesFile)}):\n"
                + string.Concat(grader.SandboxNotes.Select(n => $"  {n}\n")));
        if (options.Late is { } rules)
            Console.WriteLine($"late policy ({rules.Course.Policy}): {results.Count(r => r.Late?.Any(l => l.DaysLate > 0) == true)} submissions late, "
                + $"{results.Count(r => r.Penalty > 0)} with a penalty");
        var pending = results.Sum(r => r.Questions.Sum(q => q.Written.Count(w => w.Pending)));
        if (pending > 0) Console.WriteLine($"{pending} written answers are pending manual review: dlcourse review --grades {options.Out}");
        return Exit.Ok;
    }
}
