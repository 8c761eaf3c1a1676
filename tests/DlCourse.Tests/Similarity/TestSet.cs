using DlCourse.Tests.Support;

namespace DlCourse.Tests.Similarity;

/// <summary>The hand-written test set in Similarity/Fixtures/QUESTION/: independent correct answers (NN-style), and copies of them, each disguised (copy-of-NN-disguise).</summary>
/// <remarks>A copy and its original, and two copies of one original, are the pairs to find; every other pair was written independently.</remarks>
public sealed record TestSet(string Question, string Notebook, string GradeId, IReadOnlyList<TestSolution> Solutions)
{
    /// <summary>The code questions: A1 Q5 SoftmaxJacobian, A2 Q4 NllGradient, A4 Q2 ConvOutputSize.</summary>
    public static readonly IReadOnlyList<TestSet> All = [Load("a1q5", "a1-loss-functions/q5-softmax-jacobian.ipynb", "a1q5-impl"),
        Load("a2q4", "a2-backprop-gradient-descent/q4-logistic-regression-gd.ipynb", "a2q4-impl"), Load("a4q2", "a4-deep-networks/q2-cnn.ipynb", "a4q2-impl")];

    /// <summary>A4 Q2's written answer (the output-size formula, LeNet-5's sizes, macro F1).</summary>
    public static readonly TestSet Written = Load("a4q2-answer", "a4-deep-networks/q2-cnn.ipynb", "a4q2-answer", "*.md");

    public static TestSet Of(string question) => All.Single(s => s.Question == question);

    /// <summary>Whether two students' answers are a planted copy pair.</summary>
    public bool IsCopyPair(string a, string b) =>
        a != b && Solution(a).Original == Solution(b).Original && (Solution(a).IsCopy || Solution(b).IsCopy);

    public TestSolution Solution(string student) => Solutions.Single(s => s.Student == student);

    /// <summary>Every pair of students (in name order), whether found or not.</summary>
    public IEnumerable<(string A, string B)> AllPairs() =>
        from a in Solutions from b in Solutions where string.CompareOrdinal(a.Student, b.Student) < 0 select (a.Student, b.Student);

    /// <summary>One student per answer, each starting from the release and filling in this set's cell.</summary>
    public SimilarityCourse Course()
    {
        var course = new SimilarityCourse(Notebook);
        foreach (var solution in Solutions) course.Student(solution.Student, new Dictionary<string, string> { [GradeId] = solution.Code });
        return course;
    }

    private static TestSet Load(string question, string notebook, string gradeId, string pattern = "*.csx")
    {
        var folder = Path.Combine(Repository.Root, "tests", "DlCourse.Tests", "Similarity", "Fixtures", question);
        var solutions = Directory.EnumerateFiles(folder, pattern).Order(StringComparer.Ordinal)
            .Select(f => TestSolution.Of(Path.GetFileNameWithoutExtension(f), File.ReadAllText(f))).ToList();
        return new TestSet(question, notebook, gradeId, solutions);
    }
}

/// <param name="Original">The two-digit number of the independent solution it is, or copies.</param>
/// <param name="Disguise">How a copy hides (renamed, literals-comments, reordered, extracted-helper, inlined-helper); null for an original.</param>
public sealed record TestSolution(string Student, string Code, string Original, string? Disguise)
{
    public bool IsCopy => Disguise is not null;

    public static TestSolution Of(string name, string code) => name.StartsWith("copy-of-", StringComparison.Ordinal)
        ? new TestSolution(name, code, name[8..10], name[11..])
        : new TestSolution(name, code, name[..2], null);
}
