using Microsoft.CodeAnalysis;

namespace DlCourse.Cli.Grading.Screening;

/// <summary>
/// Screens a notebook's student cells by meaning before any of them runs: each is compiled as the kernel will
/// compile it (on top of the cells before it) and refused when it has a directive, does not compile, redeclares a
/// name the tests use, resolves any symbol outside the <see cref="AllowList"/>, or uses the library's own answer to
/// the notebook's question (<see cref="WithheldAnswers"/>).
/// </summary>
internal sealed class CellScreen(string notebookDirectory, ISet<string> usedByTests, string? question)
{
    private readonly ScriptContext context = new(notebookDirectory);
    private readonly WithheldAnswers withheld = new(question);

    /// <summary>Adds a cell from the source notebook to the context later cells compile against.</summary>
    public void Trusted(string code) => context.AddTrusted(code);

    /// <summary>Names the source's own solution cell declares, which the student's may declare too.</summary>
    public HashSet<string> DeclaredBy(string sourceSolution)
    {
        var (compilation, tree) = context.Compile(Directives.Blank(sourceSolution));
        return VisibleNames.Declared(compilation.GetSemanticModel(tree));
    }

    /// <summary>Why the student's cell must not run, or null; a cell that passes joins the context.</summary>
    public string? Screen(string code, ISet<string> declaredBySolution)
    {
        if (Directives.FirstLine(code) is { } directive)
            return $"it has the line `{Short(directive)}`: directives and magic commands (lines starting with #) are not allowed in graded cells";
        var (compilation, tree) = context.Compile(code);
        var error = compilation.GetDiagnostics().FirstOrDefault(d => d.Severity == DiagnosticSeverity.Error
                                                                     && (d.Location.SourceTree == tree || !d.Location.IsInSource));
        if (error is not null)
        {
            var line = error.Location.IsInSource ? $"line {error.Location.GetLineSpan().StartLinePosition.Line + 1}: " : "";
            return $"it does not compile ({line}{error.Id}: {Short(error.GetMessage())})";
        }
        var model = compilation.GetSemanticModel(tree);
        var redeclared = VisibleNames.Declared(model).Where(n => usedByTests.Contains(n) && !declaredBySolution.Contains(n)).Order(StringComparer.Ordinal).ToList();
        if (redeclared.Count > 0)
            return $"it declares {string.Join(", ", redeclared.Select(n => $"`{n}`"))}, which the tests use; redefining names the tests rely on is not allowed (rename your own helpers)";
        if (new SymbolWalker(model, withheld).FirstRefusal(tree.GetRoot()) is { } refused) return refused;
        context.Add(compilation);
        return null;
    }

    private static string Short(string s) => s.Length <= 120 ? s : s[..117] + "...";
}
