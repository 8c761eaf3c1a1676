using DlCourse.Cli.Grading;
using DlCourse.Cli.Notebooks;
using DlCourse.Tests.Support;

namespace DlCourse.Tests.Grading;

/// <summary>
/// Correct answers in other ordinary styles earn every point, graded for real: here A1 Q7's softmax computed in the log
/// domain, whose outputs differ from the max-shifted one by a few spacings of doubles at the logits' size.
/// </summary>
public class HonestStyleTests
{
    private const string Notebook = "a1-loss-functions/q7-stable-softmax.ipynb";

    private static readonly Dictionary<string, string> Answers = new()
    {
        ["log-domain"] = """
            double[] MySoftmax(double[] z)
            {
                // log softmax(z)_k = z_k − logsumexp(z), with the max pulled out of the sum.
                double m = z.Max();
                double logSum = m + Math.Log(z.Sum(v => Math.Exp(v - m)));
                return z.Select(v => Math.Exp(v - logSum)).ToArray();
            }
            """,
        ["loops"] = """
            double[] MySoftmax(double[] z)
            {
                var result = new double[z.Length];
                double max = double.NegativeInfinity;
                foreach (var v in z) max = Math.Max(max, v);
                double total = 0;
                for (int k = 0; k < z.Length; k++) { result[k] = Math.Exp(z[k] - max); total += result[k]; }
                for (int k = 0; k < z.Length; k++) result[k] /= total;
                return result;
            }
            """,
        ["wrong-unshifted"] = """
            double[] MySoftmax(double[] z)
            {
                var e = z.Select(Math.Exp).ToArray();
                return e.Select(v => v / e.Sum()).ToArray();
            }
            """,
    };

    [Fact]
    public async Task A_log_domain_softmax_earns_A1_Q7_s_code_points_and_an_overflowing_one_does_not()
    {
        var root = Repository.TempFolder("honest");
        var source = Path.Combine(Repository.Notebooks, Notebook);
        foreach (var (student, answer) in Answers)
        {
            var notebook = DlCourse.Cli.Notebooks.Notebook.Load(source);
            notebook.Cells.Single(c => GradingCell.Of(c).GradeId == "a1q7-impl").Source = answer;
            notebook.Save(Path.Combine(root, "submissions", student, Path.GetFileName(Notebook)));
        }
        var options = new GradeOptions(source, Path.Combine(root, "submissions"), Path.Combine(root, "out"), Jobs: 2, CellTimeoutSeconds: 120);

        var results = (await new Grader(new RunnerExecutor(), options).GradeAllAsync()).ToDictionary(r => r.Student);

        foreach (var honest in new[] { "log-domain", "loops" })
        {
            var q7 = results[honest].Questions.Single();
            Assert.True(q7.Tests.All(t => t.Passed) && q7.Notes.Count == 0,
                $"{honest}: " + string.Join("\n", q7.Tests.Select(t => $"{t.GradeId}: {t.Output}").Concat(q7.Notes)));
        }
        var wrong = results["wrong-unshifted"].Questions.Single();
        Assert.Contains(wrong.Tests, t => !t.Passed && t.GradeId == "a1q7-random-and-extreme");
    }
}
