using System.Reflection;
using System.Runtime.CompilerServices;
using System.Runtime.Loader;

namespace DlCourse;

/// <summary>
/// Keeps one copy of each assembly the notebook host and the course library share: FSharp.Core, and Plotly.NET with
/// what it depends on.
/// </summary>
/// <remarks>
/// VS Code's kernel, dotnet-repl and Jupyter's load FSharp.Core 10.0 at start; Plotly.NET 6 asks for 10.1. A second
/// copy would split F# types between Plotly.NET and Giraffe.ViewEngine (every chart then throws MissingMethodException),
/// so a request the host cannot satisfy gets the copy already loaded. Plotly.NET itself goes into the host's context at
/// once: a notebook that adds <c>#r "nuget: Plotly.NET.Interactive"</c> loads that extension there, and the extension must
/// find the library's Plotly.NET, not load a second one from the NuGet cache whose charts the library's are not.
/// </remarks>
internal static class SharedAssemblies
{
    private static readonly string[] HostContext = ["Plotly.NET", "Plotly.NET.CSharp", "DynamicObj", "Giraffe.ViewEngine", "Fable.Core"];
    private static readonly string Folder = Path.GetDirectoryName(typeof(SharedAssemblies).Assembly.Location) ?? "";

#pragma warning disable CA2255 // A library module initializer is the point: it must run before Plotly.NET first loads.
    [ModuleInitializer]
#pragma warning restore CA2255
    internal static void Install()
    {
        AssemblyLoadContext.Default.Resolving += (context, name) => name.Name is { } n ? Loaded(n) ?? FromLibraryFolder(context, n) : null;
        foreach (var name in HostContext)
            if (Loaded(name) is null) FromLibraryFolder(AssemblyLoadContext.Default, name);
    }

    private static Assembly? Loaded(string name) =>
        AppDomain.CurrentDomain.GetAssemblies().FirstOrDefault(a => a.GetName().Name == name);

    // What the host cannot find, its dependencies included, comes from the folder the library was loaded from.
    private static Assembly? FromLibraryFolder(AssemblyLoadContext context, string name)
    {
        var path = Path.Combine(Folder, name + ".dll");
        return Folder.Length > 0 && File.Exists(path) ? context.LoadFromAssemblyPath(path) : null;
    }
}
