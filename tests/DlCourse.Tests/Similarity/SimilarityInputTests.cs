using System.Text.Json.Nodes;
using DlCourse.Cli.Commands;
using DlCourse.Cli.Grading.Similarity;

namespace DlCourse.Tests.Similarity;

/// <summary>What the command does with bad input, unreadable or empty submissions and hostile text, and what it writes.</summary>
public sealed class SimilarityInputTests : IDisposable
{
    private readonly TestSet set = TestSet.Of("a2q4");
    private readonly SimilarityCourse course;

    public SimilarityInputTests()
    {
        course = new SimilarityCourse(set.Notebook);
        foreach (var name in new[] { "01-scalar-accumulators", "copy-of-01-reordered", "04-any-feature-count" })
            course.Student(name, new Dictionary<string, string> { [set.GradeId] = set.Solution(name).Code });
    }

    public void Dispose() => course.Dispose();

    [Fact]
    public void MissingFolders_AreBadInput_WithOneLine_AndNothingWritten()
    {
        foreach (var (source, submissions, expected) in new[]
                 {
                     (Path.Combine(course.Root, "nope"), course.Submissions, "no such file or folder"),
                     (course.Source, Path.Combine(course.Root, "nobody"), "no such submissions folder"),
                 })
        {
            var (code, stdout, stderr) = Run(() => new SimilarityOptions(source, submissions, course.Out));
            Assert.Equal(Exit.BadInput, code);
            var line = Assert.Single(stderr.Split('\n', StringSplitOptions.RemoveEmptyEntries));
            Assert.StartsWith("dlcourse similarity: ", line);
            Assert.Contains(expected, line);
            Assert.Empty(stdout);
        }
        Assert.False(Directory.Exists(course.Out));
    }

    [Fact]
    public void BadSettings_AreBadInput()
    {
        var (code, _, stderr) = Run(() => course.Options with { MinScore = 1.5 });
        Assert.Equal(Exit.BadInput, code);
        Assert.Contains("--min-score must lie between 0 and 1", stderr);
    }

    [Fact]
    public void AMalformedNotebook_GetsALine_AndTheRestIsCompared()
    {
        var broken = Path.Combine(course.Submissions, "zed", set.Notebook);
        Directory.CreateDirectory(Path.GetDirectoryName(broken)!);
        File.WriteAllText(broken, "{\"cells\": [ not json");

        var (code, stdout, stderr) = Run(() => course.Options);
        Assert.Equal(Exit.Ok, code);
        var line = Assert.Single(stderr.Split('\n', StringSplitOptions.RemoveEmptyEntries));
        Assert.StartsWith($"dlcourse similarity: zed/{set.Notebook}: not valid JSON", line);
        Assert.Contains("a2q4 (code): 3 answers, 1 similar pair, highest", stdout);
        var json = JsonNode.Parse(File.ReadAllText(Path.Combine(course.Out, SimilarityChecker.JsonFile)))!;
        Assert.Equal(4, (int)json["students"]!);
        Assert.Contains("not valid JSON", (string)json["notes"]![0]!);
    }

    [Fact]
    public void AStudentWithNoAnswers_AndTwoWhoLeftTheStub_AreInNoPair()
    {
        course.Student("stub-one", new Dictionary<string, string>());
        course.Student("stub-two", new Dictionary<string, string>());
        Directory.CreateDirectory(Path.Combine(course.Submissions, "empty-folder"));

        var report = course.Compare(course.Options with { MinScore = 0 });
        Assert.Equal(6, report.Students);
        Assert.All(report.Questions, q => Assert.Equal(q.Kind == QuestionKind.Code ? 3 : 0, q.Answered));
        Assert.DoesNotContain(report.Pairs, p => p.Students.Any(s => s.StartsWith("stub") || s == "empty-folder"));
        Assert.Empty(report.Notes);
    }

    [Fact]
    public void TheReleasedStub_AndReleasedCode_NeverCountAsSimilarity()
    {
        // Two students who wrote different bodies but kept the stub's signature and its NotImplementedException line, and
        // pasted the released test cell under their answer: everything they share was released, so they are no pair.
        var released = Cli.Grading.Releaser.Release(Cli.Notebooks.Notebook.Load(Path.Combine(course.Source, set.Notebook)), set.Notebook);
        var test = released.Cells.Single(c => Cli.Grading.GradingCell.Of(c).GradeId == "a2q4-gradient").Source;
        foreach (var name in new[] { "02-linq-averages", "03-design-matrix" })
        {
            var body = set.Solution(name).Code.TrimEnd();
            course.Student($"pasted-{name}", new Dictionary<string, string>
            {
                [set.GradeId] = body[..^1] + "    throw new NotImplementedException();\n}\n\n" + test,
            });
        }

        var report = course.Compare(course.Options with { MinScore = 0 });
        Assert.Equal(5, report.Questions.Single(q => q.Question == "a2q4").Answered);
        Assert.DoesNotContain(report.Pairs, p => p.Students.All(s => s.StartsWith("pasted-")));
    }

    [Fact]
    public void ThePage_EscapesStudentText_AndNames()
    {
        const string hostile = "</script><script>alert('x')</script><b>bold</b>";
        var code = set.Solution("01-scalar-accumulators").Code.Replace("int m = data.Count;", $"int m = data.Count; // {hostile}");
        course.Student("mallory<img src=x onerror=alert(1)>", new Dictionary<string, string> { [set.GradeId] = code });

        var (exit, _, _) = Run(() => course.Options);
        Assert.Equal(Exit.Ok, exit);
        var html = File.ReadAllText(Path.Combine(course.Out, SimilarityChecker.HtmlFile));
        Assert.Contains("&lt;/script&gt;&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt;&lt;b&gt;bold&lt;/b&gt;", html);
        Assert.Contains("mallory&lt;img src=x onerror=alert(1)&gt;", html);
        Assert.DoesNotContain("<script", html);
        Assert.DoesNotContain("<img", html);
        Assert.DoesNotContain("<b>bold", html);
    }

    [Fact]
    public void TheJson_RanksPairs_WithScoresAndLineRangesPerStudent()
    {
        var (code, _, _) = Run(() => course.Options);
        Assert.Equal(Exit.Ok, code);
        var json = JsonNode.Parse(File.ReadAllText(Path.Combine(course.Out, SimilarityChecker.JsonFile)))!;
        var pair = Assert.Single(json["pairs"]!.AsArray())!;
        Assert.Equal("a2q4", (string)pair["question"]!);
        Assert.Equal("code", (string)pair["kind"]!);
        Assert.Equal(set.Notebook, (string)pair["notebook"]!);
        Assert.Equal(1, (int)pair["rank"]!);
        Assert.Equal(["01-scalar-accumulators", "copy-of-01-reordered"], pair["students"]!.AsArray().Select(s => (string)s!));
        Assert.InRange((double)pair["score"]!, 0.7, 1.0);
        Assert.Equal(2, pair["coverage"]!.AsArray().Count);
        var match = pair["matches"]!.AsArray()[0]!;
        Assert.True((int)match["tokens"]! > 0);
        var lines = match["lines"]!.AsArray();
        Assert.Equal(2, lines.Count);
        Assert.All(lines, l =>
        {
            Assert.Equal("a2q4-impl", (string)l!["cell"]!);
            Assert.InRange((int)l["from"]!, 1, (int)l["to"]!);
        });
        var question = json["questions"]!.AsArray().Single(q => (string)q!["question"]! == "a2q4")!;
        Assert.Equal(3, (int)question["answered"]!);
        Assert.Equal(1, (int)question["pairs"]!);
        Assert.Equal(0.7, (double)json["settings"]!["min_score"]!);
        Assert.True(File.Exists(Path.Combine(course.Out, SimilarityChecker.HtmlFile)));
    }

    private static (int Code, string Stdout, string Stderr) Run(Func<SimilarityOptions> options)
    {
        var (stdout, stderr) = (new StringWriter(), new StringWriter());
        var code = SimilarityCommand.Run(options, stdout, stderr);
        return (code, stdout.ToString(), stderr.ToString());
    }
}
