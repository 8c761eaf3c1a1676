using Microsoft.CodeAnalysis;

namespace DlCourse.Cli.Grading.Screening;

/// <summary>
/// Screens a notebook's student cells by meaning before any of them runs: each is compiled as the kernel will
/// compile it (on top of the cells before it) and refused when it has a directive, does not compile, resolves any
/// symbol outside the <see cref="AllowList"/>, or uses from the code that computes answers (the course library, TorchSharp)
/// what the question does not list (<see cref="QuestionLibrary"/>). Names it declares are not screened: they can only shadow what later cells see, and
/// points are judged outside the student's process, with hidden tests run after every student cell.
/// </summary>
internal sealed class CellScreen(string notebookDirectory, QuestionLibrary library)
{
    private readonly ScriptContext context = new(notebookDirectory);

    /// <summary>Adds a cell from the source notebook to the context later cells compile against.</summary>
    public void Trusted(string code) => context.AddTrusted(code);

    /// <summary>Why the student's cell must not run, or null; a cell that passes joins the context.</summary>
    public string? Screen(string code)
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
        if (new SymbolWalker(model, library).FirstRefusal(tree.GetRoot()) is { } refused) return refused;
        context.Add(compilation);
        return null;
    }

    private static string Short(string s) => s.Length <= 120 ? s : s[..117] + "...";
}
