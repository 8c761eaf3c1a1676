using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace DlCourse.Cli.Grading.Screening;

/// <summary>Names a cell makes visible to the cells after it, and names cells use.</summary>
internal static class VisibleNames
{
    /// <summary>
    /// Every name a cell declares that a later cell could bind to: script-level fields, locals, pattern and
    /// deconstruction variables, methods, properties and types; nested types and extension methods at any depth
    /// (a closer extension method wins over LINQ's); <c>using</c> aliases; and the members a <c>using static</c> imports.
    /// </summary>
    public static HashSet<string> Declared(SemanticModel model)
    {
        var names = new HashSet<string>(StringComparer.Ordinal);
        var root = model.SyntaxTree.GetRoot();
        foreach (var node in root.DescendantNodesAndSelf())
        {
            if (node is UsingDirectiveSyntax { StaticKeyword.RawKind: not 0, NamespaceOrType: var target }
                && model.GetSymbolInfo(target).Symbol is INamespaceOrTypeSymbol imported)
            {
                foreach (var member in imported.GetMembers()) if (member.CanBeReferencedByName) names.Add(member.Name);
                continue;
            }
            if (model.GetDeclaredSymbol(node) is not { } symbol) continue;
            bool visible = symbol switch
            {
                IAliasSymbol or INamedTypeSymbol => true,
                IMethodSymbol { IsExtensionMethod: true } => true,
                // A method's locals and parameters, a lambda's, or a type's are out of reach of every later cell.
                ILocalSymbol or IParameterSymbol or IRangeVariableSymbol or ILabelSymbol when InsideFunctionOrType(node) => false,
                _ => symbol.ContainingType is { IsScriptClass: true },
            };
            if (visible && symbol.CanBeReferencedByName || symbol is IAliasSymbol) names.Add(symbol.Name);
        }
        return names;
    }

    private static bool InsideFunctionOrType(SyntaxNode node) => node.Ancestors().Any(a => a is BaseMethodDeclarationSyntax
        or LocalFunctionStatementSyntax or AnonymousFunctionExpressionSyntax or AccessorDeclarationSyntax or TypeDeclarationSyntax
        or DelegateDeclarationSyntax or PropertyDeclarationSyntax or IndexerDeclarationSyntax);

    /// <summary>Every simple name a cell mentions (parsed only: test cells are trusted and need no semantic model).</summary>
    public static HashSet<string> Used(string code) =>
        CSharpSyntaxTree.ParseText(Directives.Blank(code), ScriptContext.ParseOptions).GetRoot()
            .DescendantNodes().OfType<SimpleNameSyntax>().Select(n => n.Identifier.ValueText).ToHashSet(StringComparer.Ordinal);
}
