using Microsoft.DotNet.Interactive.PackageManagement;
using Microsoft.DotNet.Interactive;
using Microsoft.DotNet.Interactive.Commands;
using Microsoft.DotNet.Interactive.CSharp;
using Microsoft.DotNet.Interactive.Events;
var csharp = new CSharpKernel().UseKernelHelpers().UseValueSharing().UseNugetDirective((k, refs) => { k.AddAssemblyReferences(refs.SelectMany(r => r.AssemblyPaths)); return Task.CompletedTask; });
var kernel = new CompositeKernel { csharp };
kernel.DefaultKernelName = "csharp";
foreach (var code in args)
{
    var result = await kernel.SendAsync(new SubmitCode(code, "csharp"));
    foreach (var e in result.Events)
    {
        Console.WriteLine($"{e.GetType().Name}: " + e switch {
            DisplayEvent d => string.Join(" | ", d.FormattedValues.Select(f => f.MimeType + "=" + f.Value[..Math.Min(200, f.Value.Length)])),
            CommandFailed f => f.Message,
            DiagnosticsProduced dp => string.Join(";", dp.Diagnostics.Select(x => x.Message)),
            _ => ""});
    }
}
