using System.Text.Json.Nodes;
using DlCourse.Cli.Notebooks;
using Microsoft.CodeAnalysis;

namespace DlCourse.Cli.Grading.Screening;

/// <summary>
/// What a question's solution cells may call from the code that computes answers: the course library beyond its data and
/// chart namespaces, and TorchSharp. Nothing by default; the source notebook's metadata lists the rest,
/// <c>"dlcourse": {"solution_may_use": ["DlCourse.Models.SoftmaxRegression.Probabilities", "TorchSharp.torch.*"]}</c>:
/// a type (named, declared, constructed; a listed member lets its type be named too), a member (<c>Type.Member</c>, every
/// overload), or <c>X.*</c> for everything in a type or namespace. <c>dlcourse may-use</c> writes what the source's own solutions use (<c>SubmissionAssembler.LibraryUsedBySolutions</c>).
/// </summary>
internal sealed class QuestionLibrary
{
    public const string MetadataKey = "solution_may_use";

    // Where answers live: the course library and TorchSharp (its autograd, losses and modules compute them).
    private static readonly string[] Governed = ["DlCourse", "TorchSharp"];
    // What every question may use: the library's root types (Check, Profile, …), its data sets, its charts and the
    // notebook host's setup (Course).
    private static readonly string[] Open = ["DlCourse.Data", "DlCourse.Plotting", "DlCourse.Hosting"];

    private static readonly SymbolDisplayFormat Format = new(
        typeQualificationStyle: SymbolDisplayTypeQualificationStyle.NameAndContainingTypesAndNamespaces,
        genericsOptions: SymbolDisplayGenericsOptions.None);

    private readonly HashSet<string> allowed;
    private readonly HashSet<string>? used;

    private QuestionLibrary(IEnumerable<string> allowed, bool collect)
    {
        this.allowed = new(allowed, StringComparer.Ordinal);
        used = collect ? new(StringComparer.Ordinal) : null;
    }

    /// <summary>The list a source notebook's metadata gives (none: nothing governed is allowed).</summary>
    public static QuestionLibrary Of(Notebook source) => new(Listed(source), collect: false);

    /// <summary>Allows everything and records what it was asked about: what <c>dlcourse may-use</c> writes.</summary>
    public static QuestionLibrary Collecting() => new([], collect: true);

    /// <summary>The governed names asked about while collecting, in order.</summary>
    public IReadOnlyList<string> Used => [.. (used ?? []).Order(StringComparer.Ordinal)];

    /// <summary>Whether <paramref name="listed"/> allows a name as <see cref="Collecting"/> records it: the name itself, an
    /// <c>X.*</c> entry above it, or (for a type) one of its members.</summary>
    public static bool Covers(IReadOnlyCollection<string> listed, string name) =>
        listed.Contains(name)
        || listed.Any(e => e.EndsWith(".*", StringComparison.Ordinal) && name.StartsWith(e[..^1], StringComparison.Ordinal))
        || listed.Any(e => e.StartsWith(name + ".", StringComparison.Ordinal));

    public static IReadOnlyList<string> Listed(Notebook source) =>
        source.Metadata["dlcourse"]?[MetadataKey] is JsonArray list ? [.. list.Select(n => n is JsonValue v && v.TryGetValue(out string? s) ? s : null).OfType<string>()] : [];

    /// <summary>Why a solution cell of this question may not use <paramref name="symbol"/> (a type or a member), or null.</summary>
    public string? Refusal(ISymbol symbol)
    {
        symbol = symbol.OriginalDefinition;
        // Constructing a type is naming it; an accessor or an operator belongs to its type's member list like any member.
        if (symbol is IMethodSymbol { MethodKind: MethodKind.Constructor or MethodKind.StaticConstructor, ContainingType: { } constructed }) symbol = constructed;
        if (symbol is IMethodSymbol { AssociatedSymbol: { } property }) symbol = property;
        var type = symbol as INamedTypeSymbol ?? symbol.ContainingType;
        if (type is null || !IsGoverned(type)) return null;
        var name = symbol is INamedTypeSymbol ? Name(type) : $"{Name(type)}.{symbol.Name}";
        if (used is not null) { used.Add(name); return null; }
        if (Covers(allowed, name)) return null;
        return $"it uses `{Short(name)}`, which this question's cells may not use from {Root(type)}, where the course's answers are computed; " +
               (allowed.Count == 0 ? "write the answer yourself" : $"write the answer yourself (this question may use {string.Join(", ", allowed.Order(StringComparer.Ordinal).Select(a => $"`{Short(a)}`"))})");
    }

    private static bool IsGoverned(INamedTypeSymbol type)
    {
        var ns = type.ContainingNamespace?.ToDisplayString() ?? "";
        if (ns == "DlCourse" || Open.Any(o => ns == o || ns.StartsWith(o + ".", StringComparison.Ordinal))) return false;
        return Governed.Any(g => ns == g || ns.StartsWith(g + ".", StringComparison.Ordinal));
    }

    private static string Root(INamedTypeSymbol type) =>
        (type.ContainingNamespace?.ToDisplayString() ?? "").StartsWith("TorchSharp", StringComparison.Ordinal) ? "TorchSharp" : "the course library";

    private static string Name(INamedTypeSymbol type) => type.ToDisplayString(Format);

    private static string Short(string name) => name.StartsWith("DlCourse.", StringComparison.Ordinal) ? name["DlCourse.".Length..] : name;
}
