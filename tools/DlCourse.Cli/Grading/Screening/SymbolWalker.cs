using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace DlCourse.Cli.Grading.Screening;

/// <summary>
/// Resolves every symbol and type a cell's syntax refers to and reports the first one outside the <see cref="AllowList"/>
/// or outside what the question may use of the code that computes answers (<see cref="QuestionLibrary"/>).
/// </summary>
internal sealed class SymbolWalker(SemanticModel model, QuestionLibrary library)
{
    private readonly Dictionary<ISymbol, string?> verdicts = new(SymbolEqualityComparer.Default);

    /// <summary>Why the cell may not run, or null.</summary>
    public string? FirstRefusal(SyntaxNode root)
    {
        foreach (var token in root.DescendantTokens())
            if (token.Kind() is SyntaxKind.UnsafeKeyword or SyntaxKind.ExternKeyword or SyntaxKind.FixedKeyword or SyntaxKind.StackAllocKeyword
                or SyntaxKind.ArgListKeyword or SyntaxKind.MakeRefKeyword or SyntaxKind.RefTypeKeyword or SyntaxKind.RefValueKeyword)
                return $"it uses `{token.Text}`, which graded code may not use (unsafe or native code)";

        foreach (var node in root.DescendantNodesAndSelf())
        {
            if (Syntax(node) is { } refused) return refused;
            if (node is ExpressionSyntax or TypeSyntax or AttributeSyntax or ConstructorInitializerSyntax or PrimaryConstructorBaseTypeSyntax)
            {
                var info = model.GetSymbolInfo(node);
                if (Check(info.Symbol) is { } why) return why;
                foreach (var candidate in info.CandidateSymbols)
                    if (Check(candidate) is { } whyCandidate) return whyCandidate;
            }
            if (node is ExpressionSyntax expression)
            {
                var type = model.GetTypeInfo(expression);
                if ((CheckType(type.Type) ?? CheckType(type.ConvertedType)) is { } why) return why;
                if (model.GetConversion(expression).MethodSymbol is { } conversion && Check(conversion) is { } whyConversion) return whyConversion;
            }
            if (model.GetDeclaredSymbol(node) is { } declared && CheckDeclared(declared) is { } whyDeclared) return whyDeclared;
        }
        return null;
    }

    private static string? Syntax(SyntaxNode node) => node switch
    {
        PointerTypeSyntax or FunctionPointerTypeSyntax => "it uses pointers, which graded code may not use (unsafe or native code)",
        DestructorDeclarationSyntax => "it declares a finalizer, which runs on another thread after the cell; graded code may not",
        _ => null,
    };

    // A declaration's own type: a field of type Stream is refused even when nothing reads it.
    private string? CheckDeclared(ISymbol symbol) => symbol switch
    {
        ILocalSymbol l => CheckType(l.Type),
        IFieldSymbol f => CheckType(f.Type),
        IPropertySymbol p => CheckType(p.Type),
        IParameterSymbol p => CheckType(p.Type),
        IMethodSymbol m => CheckType(m.ReturnType) ?? m.Parameters.Select(p => CheckType(p.Type)).FirstOrDefault(r => r is not null),
        _ => null,
    };

    private string? Check(ISymbol? symbol)
    {
        if (symbol is null) return null;
        if (symbol is ITypeSymbol type) return CheckType(type);
        if (verdicts.TryGetValue(symbol, out var known)) return known;
        verdicts[symbol] = null; // recursion guard for self-referencing generics
        var verdict = symbol switch
        {
            INamespaceSymbol => null,
            IAliasSymbol a => Check(a.Target),
            ILocalSymbol l => CheckType(l.Type),
            IParameterSymbol p => CheckType(p.Type),
            IRangeVariableSymbol or ILabelSymbol or IDiscardSymbol => null,
            IMethodSymbol { MethodKind: MethodKind.FunctionPointerSignature } => "it uses function pointers, which graded code may not use (unsafe or native code)",
            IMethodSymbol m => CheckMember(m.ReducedFrom ?? m) ?? m.TypeArguments.Select(CheckType).FirstOrDefault(r => r is not null),
            _ => CheckMember(symbol),
        };
        verdicts[symbol] = verdict;
        return verdict;
    }

    private string? CheckMember(ISymbol member)
    {
        if (AllowList.IsFromSource(member)) return null;
        return library.Refusal(member) ?? (member.ContainingType is { } type ? CheckType(type) : null) ?? AllowList.Member(member);
    }

    private string? CheckType(ITypeSymbol? type)
    {
        switch (type)
        {
            case null or ITypeParameterSymbol or IErrorTypeSymbol: return null;
            case IArrayTypeSymbol a: return CheckType(a.ElementType);
            case IPointerTypeSymbol or IFunctionPointerTypeSymbol: return "it uses pointers, which graded code may not use (unsafe or native code)";
            case { TypeKind: TypeKind.Dynamic }: return "it uses `dynamic`, which binds at run time where this screen cannot see; graded code may not use it";
            case INamedTypeSymbol named:
                if (verdicts.TryGetValue(named, out var known)) return known;
                verdicts[named] = null;
                var verdict = (AllowList.IsFromSource(named.OriginalDefinition) ? null : AllowList.Type(named) ?? library.Refusal(named))
                              ?? named.TypeArguments.Select(CheckType).FirstOrDefault(r => r is not null)
                              ?? (named.ContainingType is { } outer ? CheckType(outer) : null);
                verdicts[named] = verdict;
                return verdict;
            default: return null;
        }
    }
}
