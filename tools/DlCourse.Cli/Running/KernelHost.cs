using System.Reflection;
using System.Text.Json.Nodes;
using DlCourse.Cli.Notebooks;
using Microsoft.DotNet.Interactive;
using Microsoft.DotNet.Interactive.Commands;
using Microsoft.DotNet.Interactive.CSharp;
using Microsoft.DotNet.Interactive.Events;
using Microsoft.DotNet.Interactive.PackageManagement;

namespace DlCourse.Cli.Running;

/// <summary>The .NET Interactive C# kernel, set up as VS Code's Polyglot host sets it up, turning its events into nbformat outputs.</summary>
public sealed class KernelHost : IDisposable
{
    public const string CSharp = "csharp";

    private readonly CompositeKernel kernel;
    private readonly List<PackageAdded> addedPackages = [];
    private readonly HashSet<string> loadedExtensionFolders = [];

    private KernelHost(CompositeKernel kernel) => this.kernel = kernel;

    public static async Task<KernelHost> StartAsync(IEnumerable<string> packageSources)
    {
        var csharp = new CSharpKernel()
            .UseKernelHelpers()
            .UseValueSharing()
            // What the dotnet-interactive tool's parameterless UseNugetDirective does: reference what a restore resolved.
            .UseNugetDirective((k, references) =>
            {
                k.AddAssemblyReferences(references.SelectMany(r => r.AssemblyPaths));
                return Task.CompletedTask;
            });
        // #!import runs a file's code as a submission of its own, so the usings of notebooks/course.csx reach later cells.
        var composite = new CompositeKernel { csharp }.UseImportMagicCommand();
        composite.DefaultKernelName = CSharp;
        var host = new KernelHost(composite);

        foreach (var source in packageSources.Where(Directory.Exists))
        {
            var result = await composite.SendAsync(new SubmitCode($"#i \"nuget:{source}\"", CSharp));
            if (result.Events.OfType<CommandFailed>().FirstOrDefault() is { } failed)
                throw new InvalidOperationException($"could not add package source {source}: {failed.Message}");
        }
        return host;
    }

    /// <summary>Runs one cell, reporting outputs as they happen; returns whether it succeeded.</summary>
    public async Task<bool> RunAsync(string code, string language, Action<JsonObject, string?> output, Action<string, JsonObject> update)
    {
        if (!string.Equals(language, CSharp, StringComparison.OrdinalIgnoreCase))
        {
            output(CellOutputs.Error("UnsupportedLanguage", $"This cell is in '{language}'; DlCourse runs C# cells only. Change the cell's language to C#."), null);
            return false;
        }

        var command = new SubmitCode(code, CSharp);
        using var subscription = kernel.KernelEvents.Subscribe(e => OnEvent(e, output, update));
        var result = await kernel.SendAsync(command);

        var failed = result.Events.OfType<CommandFailed>().FirstOrDefault(f => ReferenceEquals(f.Command, command))
                     ?? result.Events.OfType<CommandFailed>().LastOrDefault();
        if (failed is not null)
        {
            output(ErrorOutput(failed), null);
            return false;
        }
        return await LoadNewExtensionsAsync(output);
    }

    private void OnEvent(KernelEvent e, Action<JsonObject, string?> output, Action<string, JsonObject> update)
    {
        switch (e)
        {
            case StandardOutputValueProduced o:
                output(CellOutputs.Stream("stdout", PlainText(o)), null);
                break;
            case StandardErrorValueProduced o:
                output(CellOutputs.Stream("stderr", PlainText(o)), null);
                break;
            case DisplayedValueUpdated u when u.ValueId is not null:
                update(u.ValueId, Display(u));
                break;
            case DisplayEvent d:
                output(Display(d), d.ValueId);
                break;
            case PackageAdded p:
                lock (addedPackages) addedPackages.Add(p);
                break;
        }
    }

    /// <summary>Loads kernel extensions shipped in restored packages, the way VS Code's host does after a <c>#r "nuget:"</c>.</summary>
    private async Task<bool> LoadNewExtensionsAsync(Action<JsonObject, string?> output)
    {
        List<PackageAdded> added;
        lock (addedPackages) { added = [.. addedPackages]; addedPackages.Clear(); }

        foreach (var package in added)
        {
            var folder = Path.Combine(package.PackageReference.PackageRoot, "interactive-extensions", "dotnet");
            if (!Directory.Exists(folder) || !loadedExtensionFolders.Add(folder)) continue;
            foreach (var dll in Directory.GetFiles(folder, "*.dll"))
            {
                try
                {
                    var assembly = Assembly.LoadFrom(dll);
                    foreach (var type in assembly.GetExportedTypes().Where(t => typeof(IKernelExtension).IsAssignableFrom(t) && t is { IsAbstract: false, IsInterface: false }))
                    {
                        var extension = (IKernelExtension)Activator.CreateInstance(type)!;
                        await extension.OnLoadAsync(kernel);
                        output(CellOutputs.DisplayData([new("text/plain", $"Loaded kernel extension \"{type.Name}\" from {package.PackageReference.PackageName}")]), null);
                    }
                }
                catch (Exception ex)
                {
                    output(CellOutputs.Error("KernelExtensionLoadException", $"Failed to load kernel extension from {dll}: {ex.Message}"), null);
                    return false;
                }
            }
        }
        return true;
    }

    private static string PlainText(DisplayEvent e) => e.FormattedValues.FirstOrDefault()?.Value ?? "";

    private static JsonObject Display(DisplayEvent e) =>
        CellOutputs.DisplayData(e.FormattedValues.Select(v => new KeyValuePair<string, string>(v.MimeType, v.Value)));

    private static JsonObject ErrorOutput(CommandFailed failed)
    {
        if (failed.Exception is { } ex and not CodeSubmissionCompilationErrorException)
        {
            var inner = ex is TargetInvocationException { InnerException: { } i } ? i : ex;
            return CellOutputs.Error(inner.GetType().Name, inner.Message, inner.ToString().Split('\n'));
        }
        return CellOutputs.Error("Error", failed.Message.Trim());
    }

    public void Dispose() => kernel.Dispose();
}
