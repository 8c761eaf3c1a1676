using System.Globalization;
using DlCourse.Cli.Grading.Manual;
using DlCourse.Cli.Grading.Results;

namespace DlCourse.Cli.Grading.Lms;

/// <summary>The LMSs whose gradebook import <c>dlcourse export --gradebook</c> writes.</summary>
public enum LmsKind { Canvas, Moodle }

/// <summary>One student's row: who they are in the LMS, and per assignment the final score, or null when it is left out.</summary>
public sealed record LmsRow(LmsStudent Who, IReadOnlyList<string?> Scores);

/// <summary>
/// The final scores of a grades folder (manual reviews merged, late policy applied), one column per assignment, ready for
/// an LMS: an assignment with written answers still pending review, or one the grader failed on, is left out (blank)
/// with a warning, so that no provisional score is imported as if it were final.
/// </summary>
public sealed record LmsGradebook(IReadOnlyList<GradedAssignment> Assignments, IReadOnlyList<double> Points, IReadOnlyList<LmsRow> Rows, IReadOnlyList<string> Warnings)
{
    /// <exception cref="InvalidDataException">The grades folder cannot be read, was graded by an older dlcourse, or the roster lacks a student.</exception>
    public static LmsGradebook Load(string grades, Roster roster)
    {
        var students = GradedStudents.Load(grades, ManualScores.Load(Path.GetFullPath(grades)));
        if (students.SelectMany(s => s.Result.Questions).Any(q => q.Assignment is null))
            throw new InvalidDataException($"{grades} was graded by an older dlcourse that did not record assignments: run the same `dlcourse grade` again (nothing is run again).");
        var titles = GradesIndex.Load(Path.GetFullPath(grades))?.Assignments ?? [];
        var scores = students.ToDictionary(s => s.Result.Student, s => AssignmentScore.Of(s.Result).ToDictionary(a => a.Assignment));
        var names = titles.Select(t => t.Name).Concat(scores.Values.SelectMany(a => a.Keys)).Distinct()
            .Where(a => scores.Values.Any(s => s.ContainsKey(a))).ToList();
        var assignments = names.Select(n => titles.FirstOrDefault(t => t.Name == n) ?? new GradedAssignment(n, n)).ToList();
        var points = names.Select(n => scores.Values.Where(s => s.ContainsKey(n)).Max(s => s[n].Max)).ToList();

        var warnings = new List<string>();
        var rows = new List<LmsRow>();
        foreach (var student in students)
        {
            var name = student.Result.Student;
            bool failed = student.Result.Fingerprint == "incomplete";
            if (failed) warnings.Add($"{name}: every assignment left blank: the grader failed on part of this submission; run `dlcourse grade` again.");
            var cells = names.Select(n =>
            {
                if (!scores[name].TryGetValue(n, out var a) || failed) return null;
                if (a.Pending == 0) return a.Final.ToString("0.##", CultureInfo.InvariantCulture);
                warnings.Add($"{name}: {n} left blank: {a.Pending} written {(a.Pending == 1 ? "answer" : "answers")} pending review (dlcourse review --grades {grades}).");
                return (string?)null;
            }).ToList();
            rows.Add(new LmsRow(roster.For(name), cells));
        }
        return new LmsGradebook(assignments, points, rows, warnings);
    }

    /// <summary>The CSV that <paramref name="lms"/>'s gradebook import reads.</summary>
    /// <exception cref="InvalidDataException">Moodle: the rows cannot all be matched by one identifier column.</exception>
    public string Csv(LmsKind lms) => lms == LmsKind.Canvas ? CanvasCsv.Write(this) : MoodleCsv.Write(this);
}
