using DlCourse.Cli.Grading.Screening;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace DlCourse.Cli.Grading.Similarity;

/// <summary>C# cells as Roslyn tokens, with what a copier changes for free normalised away: names the answer declares become <c>$</c>, literals <c>#</c>.</summary>
/// <remarks>
/// Comments and directives are trivia and never seen; braces and modifiers are dropped. Names the released notebook declares
/// count as declared too. Library names (<c>Math.Exp</c>, <c>StableSoftmax.Apply</c>) stay: a copier cannot rename them.
/// </remarks>
internal static class CodeTokens
{
    public const string Name = "$", Literal = "#";

    /// <summary>The tokens of all <paramref name="cells"/>, in order; <paramref name="declaredElsewhere"/> adds names declared outside them (the released notebook's).</summary>
    public static TokenStream Of(IReadOnlyList<string> cells, IReadOnlySet<string>? declaredElsewhere = null)
    {
        var trees = cells.Select(Parse).ToList();
        var declared = new HashSet<string>(declaredElsewhere ?? new HashSet<string>(), StringComparer.Ordinal);
        foreach (var tree in trees) AddDeclared(tree.GetRoot(), declared);
        var tokens = new TokenStreamBuilder();
        for (var cell = 0; cell < trees.Count; cell++)
        {
            var lines = trees[cell].GetText().Lines;
            foreach (var token in trees[cell].GetRoot().DescendantTokens())
                if (Normalise(token, declared) is { } word) tokens.Add(word, cell, lines.GetLineFromPosition(token.SpanStart).LineNumber);
        }
        return tokens.Build();
    }

    /// <summary>Every name declared in <paramref name="cells"/>: variables, parameters, methods, local functions, types, properties, range variables.</summary>
    public static HashSet<string> Declared(IEnumerable<string> cells)
    {
        var declared = new HashSet<string>(StringComparer.Ordinal);
        foreach (var cell in cells) AddDeclared(Parse(cell).GetRoot(), declared);
        return declared;
    }

    // Directive lines blanked (the kernel reads them, not C#), so that a `#!` magic command does not derail the parse; lines keep their numbers.
    private static SyntaxTree Parse(string cell) => CSharpSyntaxTree.ParseText(Directives.Blank(cell), ScriptContext.ParseOptions);

    private static void AddDeclared(SyntaxNode root, HashSet<string> declared)
    {
        foreach (var node in root.DescendantNodes())
        {
            SyntaxToken? identifier = node switch
            {
                VariableDeclaratorSyntax n => n.Identifier,
                ParameterSyntax n => n.Identifier,
                MethodDeclarationSyntax n => n.Identifier,
                LocalFunctionStatementSyntax n => n.Identifier,
                ForEachStatementSyntax n => n.Identifier,
                SingleVariableDesignationSyntax n => n.Identifier,
                BaseTypeDeclarationSyntax n => n.Identifier,
                DelegateDeclarationSyntax n => n.Identifier,
                PropertyDeclarationSyntax n => n.Identifier,
                EnumMemberDeclarationSyntax n => n.Identifier,
                TypeParameterSyntax n => n.Identifier,
                CatchDeclarationSyntax n => n.Identifier,
                TupleElementSyntax n => n.Identifier,
                FromClauseSyntax n => n.Identifier,
                LetClauseSyntax n => n.Identifier,
                JoinClauseSyntax n => n.Identifier,
                JoinIntoClauseSyntax n => n.Identifier,
                QueryContinuationSyntax n => n.Identifier,
                LabeledStatementSyntax n => n.Identifier,
                _ => null,
            };
            if (identifier is { ValueText.Length: > 0 } id) declared.Add(id.ValueText);
        }
    }

    private static string? Normalise(SyntaxToken token, HashSet<string> declared)
    {
        if (token.IsMissing) return null;
        return token.Kind() switch
        {
            SyntaxKind.IdentifierToken => declared.Contains(token.ValueText) ? Name : token.ValueText,
            SyntaxKind.NumericLiteralToken or SyntaxKind.CharacterLiteralToken or SyntaxKind.StringLiteralToken
                or SyntaxKind.Utf8StringLiteralToken or SyntaxKind.SingleLineRawStringLiteralToken or SyntaxKind.MultiLineRawStringLiteralToken
                or SyntaxKind.Utf8SingleLineRawStringLiteralToken or SyntaxKind.Utf8MultiLineRawStringLiteralToken
                or SyntaxKind.InterpolatedStringStartToken or SyntaxKind.InterpolatedSingleLineRawStringStartToken
                or SyntaxKind.InterpolatedMultiLineRawStringStartToken => Literal,
            // The rest of an interpolated string is its text (a literal, counted once at its start) and its holes (kept).
            SyntaxKind.InterpolatedStringTextToken or SyntaxKind.InterpolatedStringEndToken or SyntaxKind.InterpolatedRawStringEndToken => null,
            // Layout a copier changes at no cost: braces around one statement, modifiers on a helper.
            SyntaxKind.OpenBraceToken or SyntaxKind.CloseBraceToken or SyntaxKind.EndOfFileToken => null,
            SyntaxKind.PublicKeyword or SyntaxKind.PrivateKeyword or SyntaxKind.ProtectedKeyword or SyntaxKind.InternalKeyword
                or SyntaxKind.StaticKeyword or SyntaxKind.ReadOnlyKeyword or SyntaxKind.SealedKeyword or SyntaxKind.ConstKeyword => null,
            _ => token.Text,
        };
    }
}
