using DlCourse.Cli.Grading;
using DlCourse.Cli.Notebooks;
using DlCourse.Tests.Support;
using Microsoft.CodeAnalysis.CSharp.Scripting;
using Microsoft.CodeAnalysis.Scripting;

namespace DlCourse.Tests.Similarity;

/// <summary>Every answer of the similarity test set, copies included, is a correct answer: it passes its notebook's hidden test.</summary>
public class TestSetCorrectnessTests
{
    private static readonly ScriptOptions Script = ScriptOptions.Default
        .AddReferences(typeof(Check).Assembly, typeof(MathNet.Numerics.LinearAlgebra.Matrix<double>).Assembly)
        .AddImports("System", "System.Linq", "System.Collections.Generic", "DlCourse", "DlCourse.Numerics", "DlCourse.Data",
            "DlCourse.Models", "DlCourse.Derivations", "MathNet.Numerics.LinearAlgebra");

    [Theory]
    [InlineData("a1q5", "a1q5-jacobian-properties")]
    [InlineData("a2q4", "a2q4-gradient-hidden")]
    [InlineData("a4q2", null)]
    public async Task EverySolution_PassesTheHiddenTest(string question, string? hiddenTest)
    {
        var set = TestSet.Of(question);
        // A4 Q2's hidden test compares with libtorch's own convolution, whose sizes are this formula for every n ≥ k.
        var test = hiddenTest is null
            ? "for (int k = 1; k < 6; k++) for (int p = 0; p < 3; p++) for (int s = 1; s < 4; s++) for (int n = k; n < 30; n++)\n"
              + "    Check.Equal(ConvOutputSize(n, k, p, s), (n + 2 * p - k) / s + 1, $\"n = {n}, k = {k}, p = {p}, s = {s}\");"
            : Notebook.Load(Path.Combine(Repository.Notebooks, set.Notebook)).Cells.Single(c => GradingCell.Of(c).GradeId == hiddenTest).Source;
        foreach (var solution in set.Solutions)
        {
            try { await CSharpScript.RunAsync(solution.Code + "\n" + test, Script); }
            catch (Exception e) { Assert.Fail($"{question}/{solution.Student}: {e.GetType().Name}: {e.Message}"); }
        }
    }
}
