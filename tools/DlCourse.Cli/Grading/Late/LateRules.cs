using DlCourse.Cli.Grading.Results;

namespace DlCourse.Cli.Grading.Late;

/// <summary>
/// The late policy of a grading run: the course file, the extensions and the submission times. For each student it walks
/// the course's assignments in due-date order, so late days spent on an earlier assignment (graded now or before, as the
/// manifest says) are no longer in the budget of a later one.
/// </summary>
public sealed class LateRules(CourseFile course, Extensions extensions, SubmissionTimes times)
{
    public CourseFile Course { get; } = course;

    /// <summary>Reads the three files; <paramref name="submitted"/> are the LMS's manifests and/or Gradescope's metadata.</summary>
    /// <exception cref="InvalidDataException">A file is missing or malformed, or the course file comes without submission times.</exception>
    public static LateRules Load(string course, string? extensions, IReadOnlyList<string> submitted)
    {
        var file = CourseFile.Load(course);
        if (submitted.Count == 0)
            throw new InvalidDataException("--course needs the submission times: --submitted FILE (the LMS's manifest student,submitted_at, or Gradescope's submission_metadata.json).");
        return new LateRules(file, extensions is null ? Extensions.None : Extensions.Load(extensions, file), SubmissionTimes.Load(submitted, file));
    }

    /// <summary>Every file the rules were read from: the grader keeps them from student code.</summary>
    public IReadOnlyList<string> Files => [Course.Path, .. extensions.Path is { } p ? [p] : Array.Empty<string>(), .. times.Paths];

    /// <summary>Refuses a run that grades an assignment without a due date, or times one submission for several students.</summary>
    /// <exception cref="InvalidDataException">What is missing, naming the file.</exception>
    public void CheckRun(IReadOnlyCollection<string> graded, int students)
    {
        if (graded.FirstOrDefault(a => Course.Assignment(a) is null) is { } unknown)
            throw new InvalidDataException($"{Path.GetFileName(Course.Path)} gives no due date for {unknown}, which is graded here " +
                $"(assignments are the notebooks' folders; it has {string.Join(", ", Course.Assignments.Select(a => a.Name))}).");
        if (times.FromGradescope && students != 1)
            throw new InvalidDataException("submission_metadata.json times one submission, but this run grades several students; give the LMS's manifest (student,submitted_at) instead.");
    }

    /// <summary>Refuses a student who handed in notebooks of an assignment that no file gives a submission time for.</summary>
    /// <exception cref="InvalidDataException">Names the student and the assignment.</exception>
    public void CheckStudent(string student, IEnumerable<string> handedIn)
    {
        foreach (var assignment in handedIn)
            if (times.At(times.Identities(student), assignment, graded: true) is null)
                throw new InvalidDataException($"{student} handed in {assignment}, but {string.Join(" and ", times.Paths.Select(Path.GetFileName))} " +
                    "give no submission time for them; add a line student,submitted_at (or student,assignment,submitted_at).");
    }

    /// <summary>What the policy did to each of <paramref name="graded"/> that <paramref name="student"/> handed in.</summary>
    public IReadOnlyList<Lateness> For(string student, IReadOnlyCollection<string> graded)
    {
        var identities = times.Identities(student);
        var clock = Course.Clock;
        int budget = Course.Policy.Budget;
        var applied = new List<Lateness>();
        foreach (var assignment in Course.Assignments.OrderBy(a => a.Due).ThenBy(a => a.Name, StringComparer.Ordinal))
        {
            bool isGraded = graded.Contains(assignment.Name);
            if (times.At(identities, assignment.Name, isGraded) is not { } submitted) continue; // not handed in: nothing spent
            var extended = extensions.Due(identities, assignment.Name);
            var due = extended ?? assignment.Due;
            int days = clock.DaysLate(due, submitted);
            var charge = Course.Policy.Charge(days, ref budget);
            if (isGraded)
                applied.Add(new Lateness(assignment.Name, clock.Local(due), extended is not null, clock.Zone?.Id, clock.Local(submitted),
                    days, charge.LateDaysUsed, charge.LateDaysLeft, charge.PenaltyPercent, charge.Rule));
        }
        return applied;
    }
}
