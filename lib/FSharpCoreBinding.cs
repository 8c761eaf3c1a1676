using System.Reflection;
using System.Runtime.CompilerServices;
using System.Runtime.Loader;

namespace DlCourse;

/// <summary>
/// Binds Plotly.NET's FSharp.Core to the one the notebook host already runs on.
/// </summary>
/// <remarks>
/// VS Code's kernel, dotnet-repl and Jupyter's load FSharp.Core 10.0 at start; Plotly.NET 6 asks for 10.1. A second
/// copy would split F# types between Plotly.NET and Giraffe.ViewEngine (every chart then throws MissingMethodException),
/// so a request the host cannot satisfy gets the copy already loaded. Where the host has none, the normal lookup stands.
/// </remarks>
internal static class FSharpCoreBinding
{
#pragma warning disable CA2255 // A library module initializer is the point: it must run before Plotly.NET first loads.
    [ModuleInitializer]
#pragma warning restore CA2255
    internal static void Install() => AssemblyLoadContext.Default.Resolving += (_, name) =>
        name.Name == "FSharp.Core" ? LoadedFSharpCore() : null;

    private static Assembly? LoadedFSharpCore() =>
        AppDomain.CurrentDomain.GetAssemblies().FirstOrDefault(a => a.GetName().Name == "FSharp.Core");
}
