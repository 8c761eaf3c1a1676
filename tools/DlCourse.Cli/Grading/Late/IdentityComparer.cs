namespace DlCourse.Cli.Grading.Late;

/// <summary>How the course's files match students: by folder name, email or student ID, ignoring case (emails are typed either way).</summary>
internal static class IdentityComparer
{
    public static StringComparer Student => StringComparer.OrdinalIgnoreCase;

    /// <summary>(student, assignment) pairs: the student ignoring case, the assignment folder exactly.</summary>
    public static IEqualityComparer<(string Student, string Assignment)> Pair { get; } = new PairComparer();

    private sealed class PairComparer : IEqualityComparer<(string Student, string Assignment)>
    {
        public bool Equals((string Student, string Assignment) x, (string Student, string Assignment) y) =>
            Student.Equals(x.Student, y.Student) && x.Assignment == y.Assignment;

        public int GetHashCode((string Student, string Assignment) p) => HashCode.Combine(Student.GetHashCode(p.Student), p.Assignment);
    }
}
