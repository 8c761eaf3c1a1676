using DlCourse.Cli.Grading;
using DlCourse.Cli.Notebooks;

namespace DlCourse.Tests.Grading;

/// <summary>A throwaway copy of a fixture course (by default two notebooks, 7 points), its release, and helpers to write student submissions.</summary>
public sealed class GradingFixture : IDisposable
{
    /// <summary>The fixture course's source notebooks where they live in the repository (the Gradescope zip needs the repository above them).</summary>
    internal static string InRepo => Path.Combine(Support.Repository.Root, "tests", "DlCourse.Tests", "Grading", "Fixtures", "course");

    public const string Q1 = "f1-fixture/q1-squares.ipynb";
    public const string Q2 = "f1-fixture/q2-sums.ipynb";
    /// <summary>The one notebook of the "written" course: 2 test points and two written answers (2 and 3 points).</summary>
    public const string W1 = "w1-written/q1-explain.ipynb";

    /// <summary>Correct answers, keyed by solution grade_id, written the way a student would.</summary>
    public static readonly IReadOnlyDictionary<string, string> Correct = new Dictionary<string, string>
    {
        ["f1q1-impl"] = "static double Square(double x)\n{\n    return x * x;\n}",
        ["f1q2-impl"] = "static int SumTo(int n)\n{\n    int s = 0;\n    for (int i = 1; i <= n; i++) s += i;\n    return s;\n}\n\nstatic double Mean(double[] xs) => xs.Average();",
    };

    public string Root { get; } = Directory.CreateTempSubdirectory("dlcourse-grading-").FullName;
    public string Source => Path.Combine(Root, "source");
    public string Released => Path.Combine(Root, "released");
    public string Submissions => Path.Combine(Root, "submissions");
    public string Out => Path.Combine(Root, "out");

    public GradingFixture() : this("course") { }

    /// <param name="course">A folder under Grading/Fixtures: "course" or "written".</param>
    public GradingFixture(string course)
    {
        // The sandboxed worker runs as another user and must reach the source folder (its working directory).
        if (!OperatingSystem.IsWindows()) File.SetUnixFileMode(Root, (UnixFileMode)0b111_101_101);
        CopyDirectory(Path.Combine(AppContext.BaseDirectory, "Grading", "Fixtures", course), Source);
        Releaser.ReleaseAll([Source], Released);
        Directory.CreateDirectory(Submissions);
    }

    public static Notebook LoadFixture(string relative, string course = "course") =>
        Notebook.Load(Path.Combine(AppContext.BaseDirectory, "Grading", "Fixtures", course, relative));

    public Notebook ReleasedNotebook(string relative) => Notebook.Load(Path.Combine(Released, relative));

    /// <summary>A student who starts from the released notebooks and fills in the given solution cells (others stay stubs).</summary>
    public string Student(string name, IReadOnlyDictionary<string, string> answers, Func<string, Notebook, Notebook>? edit = null)
    {
        foreach (var relative in NotebookPaths.Expand([Released]).Select(n => n.Relative).Order(StringComparer.Ordinal))
        {
            var nb = ReleasedNotebook(relative);
            foreach (var cell in nb.Cells)
                if (GradingCell.Of(cell).GradeId is { } id && answers.TryGetValue(id, out var code)) cell.Source = code;
            if (edit is not null) nb = edit(relative, nb);
            nb.Save(Path.Combine(Submissions, name, relative));
        }
        return name;
    }

    /// <summary>A correct student, except that <paramref name="gradeId"/> holds <paramref name="code"/>.</summary>
    public string StudentWith(string name, string gradeId, string code) =>
        Student(name, new Dictionary<string, string>(Correct) { [gradeId] = code });

    public void Dispose()
    {
        try { Directory.Delete(Root, recursive: true); } catch (IOException) { } catch (UnauthorizedAccessException) { }
    }

    private static void CopyDirectory(string from, string to)
    {
        foreach (var file in Directory.EnumerateFiles(from, "*", SearchOption.AllDirectories))
        {
            var target = Path.Combine(to, Path.GetRelativePath(from, file));
            Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            File.Copy(file, target);
        }
    }
}
