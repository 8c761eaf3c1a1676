using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace DlCourse.Cli.Grading;

/// <summary>
/// Screens a student's code cell before it runs: it may not declare a name the tests use (its own <c>Check</c>,
/// an alias <c>using Check = ...</c>) unless the source's solution declares it too, and it may not reach into the
/// kernel or use reflection, which could rewrite or skip later cells. This raises the bar; it is not a proof.
/// </summary>
internal static class RedefinitionGuard
{
    // Identifiers that give student code a handle on the kernel that runs the tests, or on private state.
    private static readonly string[] ForbiddenNames =
    [
        "Kernel", "CompositeKernel", "CSharpKernel", "KernelInvocationContext", "AddMiddleware", "KernelExtensions",
        "Reflection", "Emit", "Assembly", "Activator", "GetMethod", "GetField", "GetProperty", "GetMethods",
        "GetFields", "InvokeMember", "MethodInfo", "FieldInfo", "Unsafe", "Marshal", "DllImport", "LibraryImport",
        "NativeLibrary", "AppDomain", "AssemblyLoadContext", "UnsafeAccessor", "Interactive",
    ];

    private static readonly CSharpParseOptions Script = new(kind: SourceCodeKind.Script);

    /// <summary>Top-level names a cell declares: types, methods, fields, properties, local functions and using aliases.</summary>
    public static HashSet<string> Declared(string code)
    {
        var root = Parse(code);
        var names = new HashSet<string>(StringComparer.Ordinal);
        foreach (var u in root.Usings) if (u.Alias is { } alias) names.Add(alias.Name.Identifier.ValueText);
        foreach (var member in root.Members)
        {
            switch (member)
            {
                case BaseTypeDeclarationSyntax t: names.Add(t.Identifier.ValueText); break;
                case DelegateDeclarationSyntax d: names.Add(d.Identifier.ValueText); break;
                case MethodDeclarationSyntax m: names.Add(m.Identifier.ValueText); break;
                case PropertyDeclarationSyntax p: names.Add(p.Identifier.ValueText); break;
                case BaseFieldDeclarationSyntax f: foreach (var v in f.Declaration.Variables) names.Add(v.Identifier.ValueText); break;
                case GlobalStatementSyntax { Statement: LocalFunctionStatementSyntax lf }: names.Add(lf.Identifier.ValueText); break;
                case GlobalStatementSyntax { Statement: LocalDeclarationStatementSyntax ld }:
                    foreach (var v in ld.Declaration.Variables) names.Add(v.Identifier.ValueText);
                    break;
            }
        }
        return names;
    }

    /// <summary>Every simple name a cell mentions.</summary>
    public static HashSet<string> Used(string code) =>
        Parse(code).DescendantNodes().OfType<SimpleNameSyntax>().Select(n => n.Identifier.ValueText).ToHashSet(StringComparer.Ordinal);

    /// <summary>Why a student cell must not run, or null when it may.</summary>
    public static string? Reject(string studentCode, ISet<string> usedByTests, ISet<string> declaredBySolution)
    {
        var redefined = Declared(studentCode).Where(n => usedByTests.Contains(n) && !declaredBySolution.Contains(n)).Order().ToList();
        if (redefined.Count > 0)
            return $"it declares {string.Join(", ", redefined.Select(n => $"`{n}`"))}, which the tests use; redefining names the tests rely on is not allowed (rename your own helpers)";
        var forbidden = Used(studentCode).Intersect(ForbiddenNames).Order().ToList();
        if (studentCode.Contains("#!", StringComparison.Ordinal)) forbidden.Add("#! magic commands");
        // #r and #load would bring in code this screen never sees.
        foreach (var directive in new[] { "#r", "#load", "#i" })
            if (studentCode.Split('\n').Any(l => l.TrimStart().StartsWith(directive + " ", StringComparison.Ordinal) || l.TrimStart().StartsWith(directive + "\"", StringComparison.Ordinal)))
                forbidden.Add($"{directive} directives");
        if (forbidden.Count > 0)
            return $"it uses {string.Join(", ", forbidden.Select(n => $"`{n}`"))}, which graded code may not use (kernel access, reflection or native code)";
        return null;
    }

    private static CompilationUnitSyntax Parse(string code) =>
        (CompilationUnitSyntax)CSharpSyntaxTree.ParseText(code, Script).GetRoot();
}
