using Microsoft.CodeAnalysis;

namespace DlCourse.Cli.Grading.Screening;

/// <summary>
/// The types and members graded code may use: the course library, maths, LINQ, collections, text and number
/// formatting, <c>Console</c> writing, MathNet.Numerics, TorchSharp's tensors and modules, Plotly charts.
/// Anything else is refused, so what nobody thought of is refused too.
/// </summary>
internal static class AllowList
{
    // Namespaces whose every type is allowed (exactly these, not their children: System.Linq.Expressions is not System.Linq).
    private static readonly HashSet<string> Namespaces =
    [
        "System.Linq", "System.Collections", "System.Collections.Generic", "System.Collections.ObjectModel",
        "System.Collections.Immutable", "System.Text", "System.Text.RegularExpressions", "System.Globalization",
        "System.Numerics",
    ];

    // F#'s data types, which a C# cell meets through Plotly.NET's F# API (optional arguments, functions, lists). Nothing
    // else of FSharp.Core: its modules hold process control (Operators.Exit), threads (ArrayModule.Parallel, async),
    // reflection (Microsoft.FSharp.Reflection, Quotations) and native code (NativeInterop).
    private static readonly HashSet<string> FSharpTypes =
    [
        "FSharpOption", "FSharpValueOption", "FSharpFunc", "FSharpList", "FSharpMap", "FSharpSet", "FSharpChoice",
        "FSharpResult", "FSharpRef", "Unit",
    ];

    // Namespaces allowed with their children: the course's libraries.
    private static readonly string[] NamespaceTrees = ["DlCourse", "MathNet.Numerics", "TorchSharp", "Plotly.NET"];

    // Types of the System namespace a course cell needs: numbers, text, tuples, delegates, spans, exceptions.
    private static readonly HashSet<string> SystemTypes =
    [
        "Object", "ValueType", "Enum", "Void", "Boolean", "Byte", "SByte", "Int16", "UInt16", "Int32", "UInt32", "Int64", "UInt64",
        "Int128", "UInt128", "Half", "Single", "Double", "Decimal", "Char", "String", "Math", "MathF", "Random", "BitConverter",
        "Convert", "MidpointRounding", "StringComparison", "StringComparer", "StringSplitOptions", "FormattableString",
        "IFormattable", "IFormatProvider", "IComparable", "IEquatable", "IDisposable", "ICloneable", "Nullable", "Lazy",
        "Tuple", "ValueTuple", "Func", "Action", "Predicate", "Comparison", "Converter", "Span", "ReadOnlySpan", "Memory",
        "ReadOnlyMemory", "ArraySegment", "Array", "Index", "Range", "DateTime", "DateTimeOffset", "TimeSpan", "DayOfWeek",
        "Guid", "HashCode", "ISpanFormattable", "IParsable", "ISpanParsable", "MemoryExtensions",
    ];

    // Members of otherwise refused types that only compute: Environment.NewLine; Debug.Assert, which the kernel compiles
    // away (its scripts define no DEBUG symbol, so neither the call nor its arguments run).
    private static readonly Dictionary<string, string[]> OnlyMembers = new(StringComparer.Ordinal)
    {
        ["System.Console"] = ["Write", "WriteLine"],
        ["System.Environment"] = ["NewLine"],
        ["System.Diagnostics.Debug"] = ["Assert"],
    };

    // Members of any allowed type that reflect or leave the cell's thread.
    private static readonly HashSet<string> DeniedMembers = ["GetType", "DynamicInvoke", "BeginInvoke", "EndInvoke"];

    // Members of the third-party libraries that read or write files or start a browser, in any case (Plotly.NET's F#
    // API has Chart.show and Chart.saveHtml beside the C# Show and SaveHtml); the course library's own loaders (data
    // sets, checkpoints) are part of what students are meant to use.
    private static readonly HashSet<string> DeniedLibraryMembers = new(StringComparer.OrdinalIgnoreCase)
    {
        "save", "load", "load_py", "save_state_dict", "from_file", "show", "saveHtml", "saveImage", "saveJPG", "savePNG",
        "saveSVG", "savePDF", "writeTo", "readFrom", "openBrowser", "showAsImage",
    };

    /// <summary>Why graded code may not use this type (from outside the submission), or null when it may.</summary>
    public static string? Type(INamedTypeSymbol type)
    {
        var definition = type.OriginalDefinition;
        var outer = definition;
        while (outer.ContainingType is { } containing) outer = containing;
        var ns = outer.ContainingNamespace is { IsGlobalNamespace: false } n ? n.ToDisplayString() : "";
        var name = ns.Length == 0 ? outer.Name : $"{ns}.{outer.Name}";
        // MathNet's providers and Control are process-wide: a student's provider would change what every later cell computes.
        if (ns == "MathNet.Numerics.Providers" || ns.StartsWith("MathNet.Numerics.Providers.", StringComparison.Ordinal) || name == "MathNet.Numerics.Control")
            return $"`{Display(definition)}` is not allowed in graded code (MathNet's process-wide settings and native providers)";
        if (Namespaces.Contains(ns) || NamespaceTrees.Any(t => ns == t || ns.StartsWith(t + ".", StringComparison.Ordinal)))
            return DeniedNested(definition);
        if (ns == "System" && (SystemTypes.Contains(outer.Name) || outer.Name.EndsWith("Exception", StringComparison.Ordinal)))
            return null;
        if (ns is "Microsoft.FSharp.Core" or "Microsoft.FSharp.Collections" && FSharpTypes.Contains(outer.Name) && definition.ContainingType is null)
            return null;
        // display(…) returns Microsoft.DotNet.Interactive.Formatting.DisplayedValue in 1.0.0-beta.26120.1 (the kernel's own helper).
        // [MethodImpl(MethodImplOptions.AggressiveInlining)] and the like only advise the JIT (extern stays refused).
        if (name is "System.Diagnostics.Stopwatch" or "Microsoft.DotNet.Interactive.Kernel" or "Microsoft.DotNet.Interactive.Formatting.DisplayedValue"
            or "System.Runtime.CompilerServices.MethodImplAttribute" or "System.Runtime.CompilerServices.MethodImplOptions" || OnlyMembers.ContainsKey(name))
            return null;
        return $"`{Display(definition)}` is not allowed in graded code ({Category(ns, outer.Name)})";
    }

    /// <summary>Why graded code may not use this member of an allowed type, or null when it may.</summary>
    public static string? Member(ISymbol member)
    {
        var type = member.ContainingType?.OriginalDefinition;
        var full = type is null ? "" : Display(type);
        if (full == "System.Console" && !OnlyMembers[full].Contains(member.Name))
            return $"`Console.{member.Name}` is not Console writing, the only Console use allowed (reading would take the runner's messages)";
        if (type is not null && OnlyMembers.TryGetValue(full, out var only) && !only.Contains(member.Name))
            return $"`{full}.{member.Name}` is not allowed in graded code ({Category(type.ContainingNamespace.ToDisplayString(), type.Name)}); of `{type.Name}` only {string.Join(", ", only.Select(m => $"`{m}`"))} may be used";
        if (full == "Microsoft.DotNet.Interactive.Kernel" && member.Name != "display")
            return $"`Kernel.{member.Name}` reaches the kernel that runs the tests; only `display(…)` is allowed";
        if (IsFromSource(member)) return null;
        if (DeniedMembers.Contains(member.Name))
            return $"`{full}.{member.Name}` reflects on code or runs it on another thread, which graded code may not do";
        if (DeniedLibraryMembers.Contains(member.Name) && (full.StartsWith("TorchSharp.", StringComparison.Ordinal) || full.StartsWith("Plotly.NET", StringComparison.Ordinal)))
            return $"`{full}.{member.Name}` reads or writes files or starts a program, which graded code may not do";
        return null;
    }

    public static bool IsFromSource(ISymbol symbol) => symbol.DeclaringSyntaxReferences.Length > 0;

    // TorchSharp's jit loads compiled programs from files; the rest of torch is tensors and modules.
    private static string? DeniedNested(INamedTypeSymbol type)
    {
        for (var t = type; t is not null; t = t.ContainingType)
            if (t.Name == "jit" || t.Name == "io")
                return $"`{Display(type)}` loads or saves files, which graded code may not do";
        return null;
    }

    private static string Display(INamedTypeSymbol type) => type.ToDisplayString(SymbolDisplayFormat.CSharpErrorMessageFormat
        .WithGenericsOptions(SymbolDisplayGenericsOptions.None));

    private static string Category(string ns, string type)
    {
        bool Under(string root) => ns == root || ns.StartsWith(root + ".", StringComparison.Ordinal);
        if (Under("System.Reflection") || (ns == "System" && type is "Type" or "Activator")) return "reflection";
        if (Under("System.Runtime") || (ns == "System" && type is "IntPtr" or "UIntPtr")) return "interop or native code";
        if (Under("System.Threading")) return "threads, timers or tasks";
        if (Under("System.IO")) return "files and streams";
        if (Under("System.Net")) return "the network";
        if (Under("System.Diagnostics")) return "processes and diagnostics";
        if (ns == "System" && type is "Environment" or "AppContext" or "AppDomain" or "GC") return "the process and its environment";
        if (Under("Microsoft.DotNet.Interactive")) return "the kernel and its host";
        if (Under("Microsoft.FSharp")) return "F# core functions: process control, threads, reflection or native code; only F#'s data types are allowed";
        return "not on the course's allow-list";
    }
}
