using System.Security.Cryptography;
using DlCourse.Cli.Grading.Judging;
using DlCourse.Cli.Grading.Late;
using DlCourse.Cli.Grading.Manual;
using DlCourse.Cli.Grading.Results;
using DlCourse.Cli.Notebooks;
using DlCourse.Cli.Running;

namespace DlCourse.Cli.Grading;

/// <summary>What to grade and how.</summary>
/// <param name="Written">Who scores written answers: the results (pending until <c>dlcourse review</c>) or the staff outside them.</param>
/// <param name="Late">Due dates, extensions and submission times, applied on every run (also to students not graded again); null: none.</param>
/// <param name="Against">What a test's checks are judged against: the source's reference run, or (self-check, whose pack has no
/// solutions) the expected values of the student's own run.</param>
public sealed record GradeOptions(string Source, string Submissions, string Out, int Jobs = 2, double CellTimeoutSeconds = 60,
    int MemoryMb = 1024, bool? Single = null, int MaxRestarts = 2, WrittenGrading Written = WrittenGrading.Autograder,
    StudentCaches? Caches = null, LateRules? Late = null, JudgeAgainst Against = JudgeAgainst.ReferenceRun);

/// <summary>Where the expected values, bounds and tolerances of a test's checks come from.</summary>
public enum JudgeAgainst
{
    /// <summary>The source notebook run once with its own solutions in a clean worker (<see cref="ReferenceRuns"/>).</summary>
    ReferenceRun,
    /// <summary>The student's own run: what <c>Check</c> itself compared. For self-check only, as it trusts the student's process.</summary>
    OwnRun,
}

/// <summary>Where written answers count: in the grader's results (<c>--written autograder</c>), or outside them, as
/// Gradescope's manually graded questions (<c>--written manual</c>), so the results hold the code tests only.</summary>
public enum WrittenGrading { Autograder, Manual }

/// <summary>Progress of a grading run: a submission started or finished (or was already graded).</summary>
public sealed record GradeProgress(string Student, bool Finished, bool Skipped, SubmissionResult? Result, int Total);

/// <summary>
/// Grades every submission against the source notebooks in four stages per notebook, each handing the next a record:
/// assemble (<see cref="SubmissionAssembler"/>), execute in a sandboxed worker, again without a cell that killed it
/// (<see cref="RestartingRun"/>), score the test cells against the notebook's reference run (<see cref="Scoring"/>,
/// <see cref="ReferenceRuns"/>), and write the results atomically
/// (<see cref="GradedFiles"/>), one student at a time, so an interrupted run keeps what it finished and a rerun skips
/// it. Manual scores of written answers (<see cref="ManualScores"/>) are merged on every run, also into the students a
/// rerun skips. What the sandbox could not do on this machine goes to the staff (<see cref="SandboxNotes"/>), not into results.
/// </summary>
public sealed class Grader(INotebookExecutor executor, GradeOptions options)
{
    private readonly object staffLock = new();
    private SortedSet<string>? sandboxNotes; // null until a notebook has run in a sandbox
    private ReferenceRuns? references;

    // Made on first use, as tests set Sandboxes after construction.
    private ReferenceRuns References { get { lock (staffLock) return references ??= new ReferenceRuns(executor, Sandboxes); } }

    /// <summary>How each worker's sandbox is made; tests give one that reports a note.</summary>
    internal Func<SandboxOptions, int, string, Sandbox> Sandboxes { get; init; } = Sandbox.Create;

    /// <summary>What the sandbox could not do on this machine during this run (no control group, no private root, …): for the staff only.</summary>
    public IReadOnlyList<string> SandboxNotes { get { lock (staffLock) return [.. sandboxNotes ?? []]; } }

    public async Task<IReadOnlyList<SubmissionResult>> GradeAllAsync(IProgress<GradeProgress>? progress = null, CancellationToken cancellation = default)
    {
        var sources = NotebookPaths.Expand([options.Source]).Select(s => new SourceNotebook(Path.GetFullPath(s.Source), s.Relative)).ToList();
        // An executed notebook is written at its source path inside the student's folder, beside the grader's own files.
        if (sources.FirstOrDefault(s => GradedFiles.IsStudentFile(s.Relative.Split('/', '\\')[0])) is { } clash)
            throw new InvalidDataException($"{clash.Relative}: a source notebook may not lie in a folder named like the grader's own files ({string.Join(", ", GradedFiles.StudentFiles)}).");
        var students = FindStudents(sources);
        var assignments = sources.ToDictionary(s => s.Relative, s => AssignmentScore.AssignmentOf(s.Path));
        var graded = assignments.Values.ToHashSet(StringComparer.Ordinal);
        // Checked before anything runs or is written: a due date or a submission time missing is the instructor's to add.
        if (options.Late is { } late)
        {
            late.CheckRun(graded, students.Count);
            foreach (var student in students)
                late.CheckStudent(student.Name, sources.Where(s => SubmissionFiles.Find(student.Root, s.Relative) is not null).Select(s => assignments[s.Relative]).Distinct());
        }
        // Results hold hidden tests and other students' work: a new results folder is private to the grader's user.
        if (!Directory.Exists(options.Out))
        {
            if (OperatingSystem.IsWindows()) Directory.CreateDirectory(options.Out);
            else Directory.CreateDirectory(options.Out, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
        }
        // Read before anything runs: a malformed scores file stops the run instead of publishing every written answer as pending.
        var manual = ManualScores.Load(options.Out);
        var index = GradesIndex.FromSource(options.Source, options.Late?.Course);
        index.Save(options.Out);
        var sourceRoot = File.Exists(options.Source) ? Path.GetDirectoryName(Path.GetFullPath(options.Source))! : Path.GetFullPath(options.Source);
        var sourceHash = Hash(sourceRoot, sources.Select(s => s.Path));
        // Results with written answers counted are no results for grading without them, and the reverse.
        if (options.Written == WrittenGrading.Manual) sourceHash += ":written-manual";
        var studentNotes = options.Written == WrittenGrading.Manual ? WrittenElsewhere(index) : [];
        var results = new SubmissionResult?[students.Count];
        var slots = new System.Collections.Concurrent.ConcurrentBag<int>(Enumerable.Range(0, Math.Max(1, options.Jobs)));

        await Parallel.ForEachAsync(Enumerable.Range(0, students.Count),
            new ParallelOptions { MaxDegreeOfParallelism = Math.Max(1, options.Jobs), CancellationToken = cancellation },
            async (i, ct) =>
            {
                var student = students[i];
                var fingerprint = sourceHash + ":" + Hash(student.Root, Directory.EnumerateFiles(student.Root, "*.ipynb", SubmissionFiles.Recursive)
                    .Where(f => !Paths.IsInside(f, options.Out)));
                if (ResultsWriter.ReadInternal(Path.Combine(student.Out, GradedFiles.InternalResults)) is { } done && done.Fingerprint == fingerprint)
                {
                    // Not run again, but the manual scores, extensions or submission times may have changed since: rewrite only the result files.
                    done = Complete(done, manual, assignments, graded);
                    GradedFiles.WriteStudent(student.Out, done, FeedbackPages.Existing(student.Out, done.Questions.Select(q => q.Notebook)));
                    results[i] = done;
                    progress?.Report(new GradeProgress(student.Name, true, true, done, students.Count));
                    return;
                }
                progress?.Report(new GradeProgress(student.Name, false, false, null, students.Count));
                slots.TryTake(out var slot);
                try
                {
                    var result = Complete(await GradeStudentAsync(student, sources, fingerprint, studentNotes, slot, ct), manual, assignments, graded);
                    results[i] = result;
                    await WriteAsync(student, result);
                    WriteGradebook(results, sources);
                    progress?.Report(new GradeProgress(student.Name, true, false, result, students.Count));
                }
                finally { slots.Add(slot); }
            });
        WriteGradebook(results, sources);
        return results.Select(r => r!).ToList();
    }

    private async Task<SubmissionResult> GradeStudentAsync(Student student, List<SourceNotebook> sources, string fingerprint,
        IReadOnlyList<string> notes, int slot, CancellationToken ct)
    {
        var started = DateTime.UtcNow;
        var questions = new List<QuestionResult>();
        bool complete = true;
        foreach (var source in sources)
        {
            try { questions.Add(await GradeNotebookAsync(student, source, slot, ct)); }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                // The staff read what failed in the reference run; a student only that it did (it may name a hidden test).
                var why = e is ReferenceRunException ? ReferenceRunException.ForStudents : $"the grader failed on this notebook ({e.GetType().Name}: {e.Message})";
                if (e is ReferenceRunException) lock (staffLock) (sandboxNotes ??= new(StringComparer.Ordinal)).Add($"reference run: {e.Message}");
                // The grader's own failure (not the student's): report it, grade the rest, and retry this student on a rerun.
                complete = false;
                var max = Notebook.Load(source.Path).Cells.Select(GradingCell.Of)
                    .Where(r => r.IsTest || r.IsWrittenAnswer && options.Written == WrittenGrading.Autograder).Sum(r => r.Points);
                questions.Add(new QuestionResult(source.Relative, 0, max, [],
                    [$"{source.Relative}: {why}; please tell the course staff."]));
            }
        }
        return new SubmissionResult(student.Name, questions.Sum(q => q.Score), questions.Sum(q => q.MaxScore), questions,
            notes, complete ? fingerprint : "incomplete", (DateTime.UtcNow - started).TotalSeconds);
    }

    private async Task<QuestionResult> GradeNotebookAsync(Student student, SourceNotebook source, int slot, CancellationToken ct)
    {
        var sourceNotebook = Notebook.Load(source.Path);
        var name = source.Relative;
        var tests = sourceNotebook.Cells.Select(GradingCell.Of).Where(r => r.IsTest).ToList();
        var missingAnswers = Counted(WrittenAnswers.Missing(sourceNotebook, name));
        double max = tests.Sum(t => t.Points) + missingAnswers.Sum(w => w.MaxScore);
        QuestionResult Zero(string why) => new(name, 0, max,
            tests.Select(t => new TestResult(name, t.GradeId ?? "?", 0, t.Points, t.IsHidden, false, $"not run: {why}")).ToList(), [why], missingAnswers);

        var path = SubmissionFiles.Find(student.Root, source.Relative);
        if (path is null) return Zero($"{name} was not found in your submission.");
        if (SubmissionFiles.Problem(student.Root, path) is { } problem)
            return Zero($"{name}: your notebook could not be read: {problem}.");
        Notebook studentNotebook;
        try { studentNotebook = Notebook.Parse(await File.ReadAllTextAsync(path, ct), Path.GetFileName(path)); }
        catch (NotebookFormatException e) { return Zero($"{name}: your notebook could not be read: {e.Message}"); }

        // The stages, in order: assemble, execute (again without a cell that kills the worker), score, write.
        var assembled = SubmissionAssembler.Assemble(sourceNotebook, studentNotebook, name, Path.GetDirectoryName(source.Path));
        var workDir = Path.GetDirectoryName(source.Path)!;
        var sandboxOptions = new SandboxOptions(TimeSpan.FromSeconds(options.CellTimeoutSeconds), options.MemoryMb,
            Readable: WorkerFiles.For(sourceNotebook, workDir),
            HiddenFolders: [Path.GetFullPath(options.Submissions), Path.GetFullPath(options.Out), Path.GetFullPath(options.Source)],
            HiddenFiles: [.. NotebookPaths.Expand([options.Source]).Select(s => Path.GetFullPath(s.Source)), .. options.Late?.Files ?? []], Caches: options.Caches);
        var reference = options.Against == JudgeAgainst.ReferenceRun
            ? await References.ForAsync(source.Path, sourceNotebook, sandboxOptions, slot, workDir, ct)
            : null;
        var run = await RestartingRun.RunAsync(executor, Sandboxes, assembled, sandboxOptions, slot, workDir, options.MaxRestarts, name, ct);
        lock (staffLock) (sandboxNotes ??= new(StringComparer.Ordinal)).UnionWith(run.SandboxNotes);
        var scored = Scoring.Score(assembled, run, reference, name);
        run.Executed.Save(Path.Combine(student.Out, name));
        var notes = assembled.Notes.Concat(run.Notes).Concat(scored.Notes).ToList();
        return new QuestionResult(name, scored.Tests.Sum(r => r.Score), max, scored.Tests, GradingNotes.Bounded(notes), Counted(WrittenAnswers.Of(assembled, name)));
    }

    // Every result written gets the same last steps: its assignments named, the manual scores merged, the late policy applied.
    private SubmissionResult Complete(SubmissionResult result, ManualScores manual, IReadOnlyDictionary<string, string> assignments, IReadOnlySet<string> graded)
    {
        var named = result with { Questions = result.Questions.Select(q => q with { Assignment = assignments.GetValueOrDefault(q.Notebook) ?? q.Assignment }).ToList() };
        return ManualMerge.Apply(named, manual) with { Late = options.Late?.For(result.Student, graded) };
    }

    // With --written manual the staff grade written answers outside the results (Gradescope's own questions): none is counted here.
    private IReadOnlyList<WrittenResult> Counted(IReadOnlyList<WrittenResult> answers) =>
        options.Written == WrittenGrading.Manual ? [] : answers;

    // One line in each result, so a student does not read the code-test score as the assignment's total.
    private static IReadOnlyList<string> WrittenElsewhere(GradesIndex index) => index.Written.Count == 0 ? [] :
    [
        $"Written answers ({index.Written.Count} {(index.Written.Count == 1 ? "question" : "questions")}, " +
        $"{index.Written.Sum(q => q.MaxScore).ToString("0.##", System.Globalization.CultureInfo.InvariantCulture)} points) " +
        "are graded separately by the course staff; this score is for the code tests only.",
    ];

    private static async Task WriteAsync(Student student, SubmissionResult result)
    {
        var pages = await FeedbackPages.WriteAsync(student.Out, result.Questions.Select(q => q.Notebook));
        GradedFiles.WriteStudent(student.Out, result, pages);
    }

    // The staff's files: the gradebook, and the sandbox's notes once a notebook has run.
    private void WriteGradebook(SubmissionResult?[] results, List<SourceNotebook> sources)
    {
        lock (staffLock)
        {
            GradedFiles.WriteGradebook(options.Out, results.Where(r => r is not null)!, sources.Select(s => s.Relative).ToList());
            if (sandboxNotes is not null) GradedFiles.WriteSandboxNotes(options.Out, sandboxNotes);
        }
    }

    private List<Student> FindStudents(List<SourceNotebook> sources)
    {
        var root = Path.GetFullPath(options.Submissions);
        if (!Directory.Exists(root)) throw new DirectoryNotFoundException($"{options.Submissions}: no such submissions folder.");
        bool single = options.Single ?? (Directory.EnumerateFiles(root, "*.ipynb", SubmissionFiles.TopLevel).Any()
            || sources.Any(s => File.Exists(Path.Combine(root, s.Relative))));
        if (single) return [new Student("submission", root, Path.GetFullPath(options.Out))];
        return Directory.EnumerateDirectories(root, "*", SubmissionFiles.TopLevel).Order(StringComparer.Ordinal)
            .Where(d => !Path.GetFileName(d).StartsWith('.') && !Paths.IsInside(options.Out, d) && !Paths.IsInside(d, options.Out))
            .Select(d => new Student(Path.GetFileName(d), d, Path.Combine(Path.GetFullPath(options.Out), GradedFiles.StudentFolder(Path.GetFileName(d))))).ToList();
    }


    private static string Hash(string root, IEnumerable<string> files)
    {
        using var sha = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        foreach (var f in files.Order(StringComparer.Ordinal))
        {
            sha.AppendData(System.Text.Encoding.UTF8.GetBytes(Path.GetRelativePath(root, f) + "\0"));
            // A file the grader will not read (a FIFO would block here for ever) counts by why it is refused.
            if (SubmissionFiles.Problem(root, f) is { } problem) sha.AppendData(System.Text.Encoding.UTF8.GetBytes(problem));
            else sha.AppendData(File.ReadAllBytes(f));
        }
        return Convert.ToHexString(sha.GetHashAndReset())[..16];
    }

    private sealed record SourceNotebook(string Path, string Relative);
    private sealed record Student(string Name, string Root, string Out);
}
