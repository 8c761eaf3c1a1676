using System.Reflection;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace DlCourse.Tests.Architecture;

/// <summary>One namespace's use of another: the first few places where code in <see cref="From"/> names something
/// declared in <see cref="To"/>.</summary>
public sealed record NamespaceEdge(string From, string To, IReadOnlyList<string> Places);

/// <summary>
/// Which namespace of one project uses which, read by the compiler: every name in the project's code (method bodies,
/// expression-bodied members, initialisers, attributes and signatures alike) is bound, and a name that binds to a type or
/// member the project itself declares makes its namespace depend on that one's. A name found through an enclosing
/// namespace, without a using (a type in <c>DlCourse.Torch</c> naming <c>AtomicFile</c> of <c>DlCourse</c>), counts as
/// any other; a using directive nothing uses, and a doc comment's cref, do not.
/// </summary>
public sealed class NamespaceGraph
{
    private const int PlacesPerEdge = 3;

    // What `<ImplicitUsings>enable</ImplicitUsings>` adds to every project of this repository (Microsoft.NET.Sdk's list).
    private const string ImplicitUsings = """
        global using System;
        global using System.Collections.Generic;
        global using System.IO;
        global using System.Linq;
        global using System.Net.Http;
        global using System.Threading;
        global using System.Threading.Tasks;
        """;

    private NamespaceGraph(IReadOnlyList<NamespaceEdge> edges, IReadOnlyList<string> unbound) => (Edges, Unbound) = (edges, unbound);

    /// <summary>Every pair of different namespaces with a use between them, ordered by name.</summary>
    public IReadOnlyList<NamespaceEdge> Edges { get; }

    /// <summary>Names the compiler could not bind (a missing reference would hide dependencies): file, line and message.</summary>
    public IReadOnlyList<string> Unbound { get; }

    /// <summary>The graph of the C# files of one project, given as (path for messages, text).</summary>
    /// <param name="executable">The project is a program with top-level statements.</param>
    public static NamespaceGraph Of(IEnumerable<(string Path, string Text)> files, bool executable = false)
    {
        var parse = new CSharpParseOptions(LanguageVersion.Preview);
        var trees = files.Select(f => CSharpSyntaxTree.ParseText(f.Text, parse, f.Path))
            .Append(CSharpSyntaxTree.ParseText(ImplicitUsings, parse, "ImplicitUsings.g.cs")).ToList();
        var compilation = CSharpCompilation.Create("NamespaceGraph", trees, References.Value,
            new CSharpCompilationOptions(executable ? OutputKind.ConsoleApplication : OutputKind.DynamicallyLinkedLibrary,
                nullableContextOptions: NullableContextOptions.Enable, allowUnsafe: true));

        var places = new Dictionary<(string From, string To), List<string>>();
        var unbound = new List<string>();
        foreach (var tree in trees)
        {
            var model = compilation.GetSemanticModel(tree);
            unbound.AddRange(model.GetDiagnostics().Where(d => d.Severity == DiagnosticSeverity.Error && UnboundName.Contains(d.Id))
                .Select(d => $"{d.Location.GetLineSpan().Path}:{d.Location.GetLineSpan().StartLinePosition.Line + 1}: {d.GetMessage()}"));
            foreach (var node in tree.GetRoot().DescendantNodes())
            {
                if (!Binds(node) || node.Ancestors().Any(a => a is UsingDirectiveSyntax)) continue;
                var info = model.GetSymbolInfo(node);
                if ((info.Symbol ?? info.CandidateSymbols.FirstOrDefault()) is not { } symbol) continue;
                if (Declaring(symbol) is not { } type || !SymbolEqualityComparer.Default.Equals(type.ContainingAssembly, compilation.Assembly)) continue;
                string from = NamespaceOf(node), to = type.ContainingNamespace.ToDisplayString();
                if (from == to) continue;
                if (!places.TryGetValue((from, to), out var list)) places[(from, to)] = list = [];
                // One place per line: `Check.MaxOf` names the type, then its member, which says more.
                var line = $"{tree.FilePath}:{node.GetLocation().GetLineSpan().StartLinePosition.Line + 1} ";
                var place = line + Describe(symbol);
                var same = list.FindIndex(p => p.StartsWith(line, StringComparison.Ordinal));
                if (same >= 0 && place.StartsWith(list[same] + ".", StringComparison.Ordinal)) list[same] = place;
                else if (same < 0 && list.Count < PlacesPerEdge) list.Add(place);
            }
        }
        var edges = places.OrderBy(p => p.Key.From, StringComparer.Ordinal).ThenBy(p => p.Key.To, StringComparer.Ordinal)
            .Select(p => new NamespaceEdge(p.Key.From, p.Key.To, p.Value)).ToList();
        return new NamespaceGraph(edges, unbound);
    }

    /// <summary>The project's C# files under <paramref name="folder"/> (bin/ and obj/ left out), with paths relative to <paramref name="root"/>.</summary>
    public static IEnumerable<(string Path, string Text)> SourcesUnder(string root, string folder) =>
        Directory.EnumerateFiles(Path.Combine(root, folder), "*.cs", SearchOption.AllDirectories)
            .Select(f => Path.GetRelativePath(root, f))
            .Where(f => !f.Split(Path.DirectorySeparatorChar).Any(p => p is "bin" or "obj"))
            .Order(StringComparer.Ordinal)
            .Select(f => (f, File.ReadAllText(Path.Combine(root, f))));

    /// <summary>
    /// The namespaces that depend on one another in a circle: each strongly connected group of two or more, its names
    /// ordered, the groups ordered by their first name.
    /// </summary>
    public IReadOnlyList<IReadOnlyList<string>> Cycles()
    {
        var next = Edges.GroupBy(e => e.From).ToDictionary(g => g.Key, g => g.Select(e => e.To).ToList());
        var nodes = Edges.SelectMany(e => new[] { e.From, e.To }).Distinct().Order(StringComparer.Ordinal).ToList();
        // Tarjan's algorithm.
        var index = new Dictionary<string, int>();
        var low = new Dictionary<string, int>();
        var stack = new Stack<string>();
        var cycles = new List<IReadOnlyList<string>>();
        void Visit(string node)
        {
            index[node] = low[node] = index.Count;
            stack.Push(node);
            foreach (var to in next.GetValueOrDefault(node) ?? [])
            {
                if (!index.ContainsKey(to))
                {
                    Visit(to);
                    low[node] = Math.Min(low[node], low[to]);
                }
                else if (stack.Contains(to)) low[node] = Math.Min(low[node], index[to]);
            }
            if (low[node] != index[node]) return;
            var group = new List<string>();
            string member;
            do group.Add(member = stack.Pop()); while (member != node);
            if (group.Count > 1) cycles.Add(group.Order(StringComparer.Ordinal).ToList());
        }
        foreach (var node in nodes)
            if (!index.ContainsKey(node)) Visit(node);
        return cycles.OrderBy(c => c[0], StringComparer.Ordinal).ToList();
    }

    /// <summary>A cycle for a failure message: its namespaces and each use between two of them, with where it is.</summary>
    public string Describe(IReadOnlyList<string> cycle) =>
        string.Join(" <-> ", cycle.Select(Shown)) + ":\n" + string.Join("\n",
            Edges.Where(e => cycle.Contains(e.From) && cycle.Contains(e.To))
                .Select(e => $"  {Shown(e.From)} -> {Shown(e.To)}: {string.Join("; ", e.Places)}"));

    private static string Shown(string ns) => ns.Length == 0 ? "<global namespace>" : ns;

    // The nodes whose binding names a declared type or member: simple and generic names (qualified names and member
    // access are made of them; `var` binds to the type it stands for), `new()` of an unnamed type, and the operators a
    // type may declare.
    private static bool Binds(SyntaxNode node) => node is SimpleNameSyntax or ImplicitObjectCreationExpressionSyntax
        or BinaryExpressionSyntax or PrefixUnaryExpressionSyntax or PostfixUnaryExpressionSyntax or AssignmentExpressionSyntax;

    // The type that declares a symbol: a type itself (an array's elements), a member's containing type; none for a
    // namespace, a local, a parameter or a type parameter.
    private static INamedTypeSymbol? Declaring(ISymbol symbol) => symbol switch
    {
        IArrayTypeSymbol array => Declaring(array.ElementType),
        INamedTypeSymbol type => type.OriginalDefinition,
        IMethodSymbol { ReducedFrom: { } extension } => extension.ContainingType,
        IMethodSymbol or IPropertySymbol or IFieldSymbol or IEventSymbol => symbol.ContainingType?.OriginalDefinition,
        _ => null,
    };

    private static string Describe(ISymbol symbol) => symbol switch
    {
        ITypeSymbol => symbol.ToDisplayString(SymbolDisplayFormat.MinimallyQualifiedFormat),
        IMethodSymbol { MethodKind: MethodKind.Constructor } => $"new {Declaring(symbol)!.Name}",
        _ => $"{Declaring(symbol)!.Name}.{symbol.Name}",
    };

    // The namespace a node's code is in: the namespace declarations around it, outermost first.
    private static string NamespaceOf(SyntaxNode node) => string.Join('.',
        node.Ancestors().OfType<BaseNamespaceDeclarationSyntax>().Reverse().Select(n => n.Name.ToString()));

    // CS0103 name does not exist, CS0117 no such member, CS0234 not in namespace, CS0246 type not found, CS1061 no member or extension.
    private static readonly HashSet<string> UnboundName = ["CS0103", "CS0117", "CS0234", "CS0246", "CS1061"];

    // The framework and every assembly beside the tests (the library's and the tool's packages), the course's own left out:
    // their code is what the graph compiles.
    private static readonly Lazy<IReadOnlyList<MetadataReference>> References = new(() =>
    {
        string[] own = ["DlCourse.Lib", "dlcourse", "DlCourse.Tests"];
        var framework = ((string)AppContext.GetData("TRUSTED_PLATFORM_ASSEMBLIES")!).Split(Path.PathSeparator);
        var beside = Directory.EnumerateFiles(AppContext.BaseDirectory, "*.dll");
        return framework.Concat(beside)
            .Where(p => !own.Contains(Path.GetFileNameWithoutExtension(p)) && IsManaged(p))
            .DistinctBy(Path.GetFileName, StringComparer.OrdinalIgnoreCase)
            .Select(p => (MetadataReference)MetadataReference.CreateFromFile(p)).ToList();
    });

    private static bool IsManaged(string path)
    {
        try
        {
            AssemblyName.GetAssemblyName(path);
            return true;
        }
        catch (BadImageFormatException)
        {
            return false;
        }
    }
}
