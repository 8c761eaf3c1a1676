using System.Text.RegularExpressions;
using Microsoft.CodeAnalysis;

namespace DlCourse.Cli.Grading.Screening;

/// <summary>
/// The library code that answers the question being graded, as the course library marks it with
/// <c>[AnswerTo]</c> (on its types and members, or on its assembly for a whole outside namespace such as TorchSharp).
/// </summary>
internal sealed class WithheldAnswers(string? question)
{
    private const string AttributeName = "DlCourse.AnswerToAttribute";
    private const string Library = "DlCourse.Lib";
    private readonly Dictionary<IAssemblySymbol, List<string>> namespaces = new(SymbolEqualityComparer.Default);

    /// <summary>The question a course notebook holds ("a1q5" for a1-…/q5-….ipynb), or null for a notebook outside that layout.</summary>
    public static string? QuestionOf(string? folder, string notebook)
    {
        var a = Regex.Match(Path.GetFileName(folder ?? ""), "^(a[0-9]+)-");
        var q = Regex.Match(Path.GetFileName(notebook), "^(q[0-9]+)-");
        return a.Success && q.Success ? a.Groups[1].Value + q.Groups[1].Value : null;
    }

    /// <summary>Why a student cell of this question may not use <paramref name="symbol"/>, or null.</summary>
    public string? Refusal(ISymbol symbol, Compilation compilation)
    {
        if (question is null) return null;
        for (var s = symbol.OriginalDefinition; s is not null; s = s.ContainingType)
            if (s.GetAttributes().Any(Answers))
                return $"it uses `{Name(symbol)}`, the course library's own answer to this question ({question}); write the answer yourself";
        var ns = symbol.ContainingNamespace?.ToDisplayString() ?? "";
        var withheld = Namespaces(compilation).FirstOrDefault(n => ns == n || ns.StartsWith(n + ".", StringComparison.Ordinal));
        return withheld is null ? null
            : $"it uses `{Name(symbol)}` from {withheld}, which computes this question's answer ({question}); write the answer yourself";
    }

    private bool Answers(AttributeData attribute) =>
        attribute.AttributeClass?.ToDisplayString() == AttributeName
        && attribute.ConstructorArguments is [{ Kind: TypedConstantKind.Array } questions]
        && questions.Values.Any(v => v.Value is string q && (question == q || question!.StartsWith(q + "q", StringComparison.Ordinal)));

    // The namespaces the course library's assembly marks as answering this question.
    private List<string> Namespaces(Compilation compilation)
    {
        var library = compilation.SourceModule.ReferencedAssemblySymbols.FirstOrDefault(a => a.Name == Library);
        if (library is null) return [];
        if (!namespaces.TryGetValue(library, out var found))
            namespaces[library] = found = library.GetAttributes().Where(Answers)
                .Select(a => a.NamedArguments.FirstOrDefault(n => n.Key == "Namespace").Value.Value as string)
                .OfType<string>().ToList();
        return found;
    }

    private static string Name(ISymbol symbol) =>
        symbol is INamedTypeSymbol ? symbol.Name : $"{symbol.ContainingType?.Name}.{symbol.Name}".TrimStart('.');
}
