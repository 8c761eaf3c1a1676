using System.Text.Json.Nodes;
using DlCourse.Cli.Grading.Similarity;
using DlCourse.Tests.Support;

namespace DlCourse.Tests.Similarity;

/// <summary>The parts: normalised tokens, winnowing's guarantee, common code, and answers spread over several cells.</summary>
public class SimilarityEngineTests
{
    [Fact]
    public void Tokens_IgnoreNamesTheStudentChose_LiteralsAndComments_ButKeepLibraryNames()
    {
        var original = CodeTokens.Of(["double Mean(double[] xs)\n{\n    // the average\n    double s = 0.0;\n    foreach (var x in xs) s += Math.Exp(x);\n    return s / xs.Length;\n}"]);
        var disguised = CodeTokens.Of(["public static double Average(double[] values) {\n    double total = 0; /* sum */ foreach (var v in values) { total += Math.Exp(v); }\n    return total / values.Length; }"]);
        var otherCall = CodeTokens.Of(["double Mean(double[] xs)\n{\n    double s = 0.0;\n    foreach (var x in xs) s += Math.Log(x);\n    return s / xs.Length;\n}"]);
        Assert.Equal(original.Tokens, disguised.Tokens);
        Assert.NotEqual(original.Tokens, otherCall.Tokens);
        // Places are lines of the cell itself, for the report's regions: line 3 is "double s = 0.0;", five tokens (double $ = # ;).
        Assert.Equal(5, original.Places.Count(p => p.Line == 3));
    }

    [Fact]
    public void Winnowing_FindsEverySharedRun_OfWindowPlusKMinusOneTokens()
    {
        const int k = 5, window = 4;
        var random = new Random(3);
        for (var trial = 0; trial < 200; trial++)
        {
            var shared = Tokens(random, window + k - 1);
            var a = Stream([.. Tokens(random, random.Next(0, 30)), .. shared, .. Tokens(random, random.Next(0, 30))]);
            var b = Stream([.. Tokens(random, random.Next(0, 30)), .. shared, .. Tokens(random, random.Next(0, 30))]);
            var (gramsA, gramsB) = (KGrams.Of(a, k), KGrams.Of(b, k));
            var fingerprintsA = Winnowing.Select(gramsA, window).Select(i => gramsA[i]).ToHashSet();
            Assert.Contains(Winnowing.Select(gramsB, window), i => fingerprintsA.Contains(gramsB[i]));
        }
    }

    [Fact]
    public void KGrams_NeverJoinTwoCells()
    {
        var tokens = CodeTokens.Of(["int a = 1;", "int b = 2;"]);
        var grams = KGrams.Of(tokens, 3);
        for (var i = 0; i < grams.Length; i++)
            Assert.Equal(tokens.Places[i].Cell == tokens.Places[i + 2].Cell, grams[i] != KGrams.None);
    }

    [Fact]
    public void CodeThatManyStudentsShare_IsCommon_AndNoEvidence()
    {
        // Three short, different answers under the same long helper (a snippet from the lecture, say).
        const string helper = """
            double[] Standardise(double[] values)
            {
                double mean = values.Average();
                double spread = Math.Sqrt(values.Select(v => (v - mean) * (v - mean)).Average());
                return values.Select(v => (v - mean) / spread).ToArray();
            }

            """;
        var set = TestSet.Of("a4q2");
        using var course = new SimilarityCourse(set.Notebook);
        foreach (var name in new[] { "01-formula", "02-one-plus", "04-count-windows" })
            course.Student(name, new Dictionary<string, string> { [set.GradeId] = helper + set.Solution(name).Code });

        // With the default floor (more than 10 students), three students sharing it are three pairs...
        Assert.Equal(3, course.Compare().Pairs.Count(p => p.Question == "a4q2"));
        // ...but where more than 2 of them count as many, it is common code, and nothing is left to pair them.
        var report = course.Compare(course.Options with { CommonMinimum = 2, CommonFraction = 0.5, MinScore = 0 });
        Assert.DoesNotContain(report.Pairs, p => p.Question == "a4q2");
        Assert.True(report.Questions.Single(q => q.Question == "a4q2").CommonKGrams > 20);
    }

    [Fact]
    public void AHelperMovedIntoAnotherSolutionCell_StillCounts_AndIsShownInThatCell()
    {
        var folder = Repository.TempFolder("similarity-cells");
        try
        {
            var source = Path.Combine(folder, "source", "q9-two-cells.ipynb");
            Directory.CreateDirectory(Path.GetDirectoryName(source)!);
            File.WriteAllText(source, Notebook(("q9-helpers", "// helpers you may need\n// BEGIN SOLUTION\n// END SOLUTION"),
                ("q9-impl", "double[] Normalise(double[] w)\n{\n    // BEGIN SOLUTION\n    return w;\n    // END SOLUTION\n}")));
            var one = """
                double[] Normalise(double[] w)
                {
                    double top = w.Max();
                    var shifted = w.Select(x => Math.Exp(x - top)).ToArray();
                    double total = shifted.Sum();
                    for (int i = 0; i < shifted.Length; i++) shifted[i] /= total;
                    return shifted;
                }
                """;
            var helper = """
                double[] Shifted(double[] values)
                {
                    double peak = values.Max();
                    return values.Select(v => Math.Exp(v - peak)).ToArray();
                }
                """;
            var two = """
                double[] Normalise(double[] w)
                {
                    var e = Shifted(w);
                    double sum = e.Sum();
                    for (int j = 0; j < e.Length; j++) e[j] /= sum;
                    return e;
                }
                """;
            Submit(folder, "ann", source, ("q9-impl", one));
            Submit(folder, "bob", source, ("q9-helpers", helper), ("q9-impl", two));

            var report = SimilarityChecker.Compare(new SimilarityOptions(Path.Combine(folder, "source"), Path.Combine(folder, "submissions"), Path.Combine(folder, "out")));
            var question = report.Questions.Single();
            Assert.Equal("q9", question.Question);
            Assert.Equal(["q9-helpers", "q9-impl"], question.Cells);
            var pair = Assert.Single(report.Pairs);
            Assert.True(pair.Score >= 0.7, $"score {pair.Score}");
            Assert.Contains(pair.Matches, m => m.Lines[0].Cell == "q9-impl" && m.Lines[1].Cell == "q9-helpers");
            Assert.Contains(pair.Matches, m => m.Lines[0].Cell == "q9-impl" && m.Lines[1].Cell == "q9-impl");
        }
        finally { Directory.Delete(folder, recursive: true); }
    }

    private static void Submit(string folder, string student, string source, params (string Id, string Text)[] answers)
    {
        var notebook = Cli.Notebooks.Notebook.Load(source);
        foreach (var cell in notebook.Cells)
            if (answers.FirstOrDefault(a => a.Id == Cli.Grading.GradingCell.Of(cell).GradeId) is { Text: { } text }) cell.Source = text;
            else if (Cli.Grading.GradingCell.Of(cell).IsSolution) cell.Source = "";
        notebook.Save(Path.Combine(folder, "submissions", student, Path.GetFileName(source)));
    }

    private static string Notebook(params (string Id, string Source)[] solutions) => new JsonObject
    {
        ["nbformat"] = 4, ["nbformat_minor"] = 5,
        ["metadata"] = new JsonObject { ["kernelspec"] = new JsonObject { ["name"] = ".net-csharp", ["language"] = "C#", ["display_name"] = ".NET (C#)" } },
        ["cells"] = new JsonArray(solutions.Select(s => (JsonNode)new JsonObject
        {
            ["cell_type"] = "code", ["execution_count"] = null, ["outputs"] = new JsonArray(), ["source"] = s.Source,
            ["metadata"] = new JsonObject
            {
                ["nbgrader"] = new JsonObject { ["solution"] = true, ["grade"] = false, ["locked"] = false, ["grade_id"] = s.Id, ["schema_version"] = 3 },
            },
        }).ToArray()),
    }.ToJsonString();

    private static ulong[] Tokens(Random random, int count) => Enumerable.Range(0, count).Select(_ => (ulong)random.Next(1, 6)).ToArray();

    private static TokenStream Stream(ulong[] tokens) => new(tokens, tokens.Select(_ => new Place(0, 0)).ToArray());
}
